import { useId } from 'react';
import { type Density, type ThemePreference, usePreferences } from '../lib/preferences';

/** Theme and density, remembered per browser. */
export function DisplayControls() {
  const [prefs, setPrefs] = usePreferences();
  const themeId = useId();
  const densityId = useId();
  return (
    <div className="display-controls">
      <label htmlFor={themeId}>Theme</label>
      <select
        id={themeId}
        className="input"
        value={prefs.theme}
        onChange={(e) => setPrefs({ theme: e.target.value as ThemePreference })}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
      <label htmlFor={densityId}>Density</label>
      <select
        id={densityId}
        className="input"
        value={prefs.density}
        onChange={(e) => setPrefs({ density: e.target.value as Density })}
      >
        <option value="comfortable">Comfortable</option>
        <option value="compact">Compact</option>
      </select>
    </div>
  );
}
