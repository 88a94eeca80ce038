import { render } from '@testing-library/react';
import { it } from 'vitest';
import { ChartsPanel } from './charts-panel';
import { S1, S2, sampleGroups } from './test-fixtures';
it('probe', () => {
  const { container } = render(<ChartsPanel groups={sampleGroups()} sessionOrder={[S1,S2]} sessionNames={{}} metadataKey="model" measure="cost" onMeasureChange={()=>{}} feedbackKey={null} onFeedbackKeyChange={()=>{}} hiddenSessions={[]} onToggleSession={()=>{}} onBarClick={()=>{}} />);
  console.log([...container.querySelectorAll('.recharts-bar-rectangle path')].map(p=>`${p.getAttribute('fill')} x=${p.getAttribute('x')} y=${p.getAttribute('y')} h=${p.getAttribute('height')}`).join('\n'));
  console.log([...container.querySelectorAll('.recharts-yAxis-tick-labels text')].map(t=>t.textContent).join(' | '));
});
