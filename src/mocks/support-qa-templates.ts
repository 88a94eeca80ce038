import type { Rng } from './random';

/**
 * Text for the "Support QA" demo: question templates per topic with slot values, the
 * reference answer, a plausible wrong answer (what a weaker model says), and optional
 * retrieved context. Kept apart from the generator so the numbers there stay readable.
 */

export const TOPICS = ['billing', 'shipping', 'account', 'returns', 'technical'] as const;
export type Topic = (typeof TOPICS)[number];
export type Difficulty = 'easy' | 'medium' | 'hard';

export interface SupportCase {
  title: string;
  question: string;
  answer: string;
  wrong: string;
  context?: string;
  difficulty: Difficulty;
  /** The reviewer's remark when a model gets this case wrong. */
  failureComment: string;
}

type Template = (rng: Rng) => SupportCase;

const PRODUCTS = [
  'wireless headphones',
  'standing desk',
  'espresso machine',
  'running shoes',
  '4K monitor',
  'travel backpack',
  'smart thermostat',
  'air fryer',
];
const PLANS = ['Basic', 'Plus', 'Team'];
const CARRIERS = ['UPS', 'FedEx', 'DHL', 'USPS'];
const COUNTRIES = ['Canada', 'Germany', 'Japan', 'Australia', 'Mexico'];
const DEVICES = ['iPhone', 'Android phone', 'Windows laptop', 'MacBook', 'Chromebook'];

const order = (rng: Rng) => `#${rng.int(100000, 999999)}`;

const BILLING: Template[] = [
  (rng) => {
    const o = order(rng);
    return {
      title: 'Double charge',
      question: `I was charged twice for order ${o}. Can you refund the duplicate payment?`,
      answer: `Yes. Duplicate authorisations are voided automatically within 3-5 business days; if the second charge is still there after that, send us ${o} and billing will refund it.`,
      wrong: `Duplicate charges cannot be refunded; you will need to dispute the charge with your bank for order ${o}.`,
      context:
        'Policy: duplicate card authorisations are voided automatically within 5 business days.',
      difficulty: 'easy',
      failureComment: 'Told the customer to dispute with the bank instead of refunding',
    };
  },
  (rng) => {
    const plan = rng.pick(PLANS);
    return {
      title: 'Move billing date',
      question: `Can I move my ${plan} plan billing date to the 15th?`,
      answer:
        'Yes. Go to Settings > Billing > Billing cycle and pick a new date; the next invoice is prorated for the days in between.',
      wrong: 'Billing dates are fixed to the sign-up date and cannot be changed.',
      difficulty: 'medium',
      failureComment: 'Quoted the wrong billing date policy',
    };
  },
  () => ({
    title: 'Invoice copy',
    question: 'Where can I download an invoice for last month?',
    answer:
      'Invoices are under Settings > Billing > Invoice history, and each one can be downloaded as a PDF.',
    wrong: 'Invoices are only sent by email; reply to the receipt email to get a copy.',
    difficulty: 'easy',
    failureComment: 'Invoices are downloadable, not email-only',
  }),
  (rng) => {
    const plan = rng.pick(PLANS);
    return {
      title: 'Upgrade proration',
      question: `If I upgrade from ${plan} to Pro in the middle of the month, how am I charged?`,
      answer:
        'You pay the prorated difference for the rest of the current cycle today, and the full Pro price from the next billing date.',
      wrong: 'You are charged the full Pro price immediately and the unused days are lost.',
      context: 'Billing FAQ: plan changes are prorated to the day; downgrades apply next cycle.',
      difficulty: 'hard',
      failureComment: 'Ignored proration on upgrades',
    };
  },
  () => ({
    title: 'Failed payment',
    question: 'My card payment failed. Will my account be suspended?',
    answer:
      'Not immediately. We retry the card 3 times over 7 days and email you each time; the account is paused only after the final retry fails.',
    wrong: 'Yes, accounts are suspended as soon as a payment fails.',
    difficulty: 'medium',
    failureComment: 'Missed the 7-day retry window',
  }),
  () => ({
    title: 'VAT number',
    question: 'Can you add my company VAT number to my invoices?',
    answer:
      'Yes. Add it under Settings > Billing > Tax details; it appears on every invoice issued after you save it.',
    wrong: 'VAT numbers can only be added by contacting sales.',
    difficulty: 'easy',
    failureComment: 'VAT numbers are self-serve',
  }),
];

const SHIPPING: Template[] = [
  (rng) => {
    const product = rng.pick(PRODUCTS);
    const country = rng.pick(COUNTRIES);
    return {
      title: 'International shipping',
      question: `Do you ship the ${product} to ${country}, and how long does it take?`,
      answer: `Yes, we ship to ${country}. Standard international delivery takes 7-14 business days and express takes 3-5 business days.`,
      wrong: `We ship to ${country} in 2-3 business days with standard shipping.`,
      context: 'Shipping policy: international standard 7-14 business days, express 3-5.',
      difficulty: 'easy',
      failureComment: 'Gave the domestic rather than the international delivery estimate',
    };
  },
  (rng) => {
    const o = order(rng);
    const carrier = rng.pick(CARRIERS);
    return {
      title: 'Tracking not updating',
      question: `My order ${o} shipped but the ${carrier} tracking number shows nothing. What should I do?`,
      answer: `Tracking can take up to 24 hours to activate after the label is created. If ${carrier} still shows nothing after that, reply with ${o} and we will open a trace.`,
      wrong: `The package is probably lost; we will reship order ${o} right away.`,
      difficulty: 'medium',
      failureComment: 'Reshipped before the 24-hour activation window',
    };
  },
  (rng) => {
    const o = order(rng);
    const carrier = rng.pick(CARRIERS);
    return {
      title: 'Change delivery address',
      question: `Can I change the delivery address on order ${o}?`,
      answer: `Only before it ships: edit it from Orders > ${o} > Change address. Once the status is Shipped you need to ask ${carrier} to redirect it.`,
      wrong: `Yes, you can change the address at any time from the order page, even after it ships.`,
      context: `Order ${o} status: Processing. Carrier: ${carrier}.`,
      difficulty: 'medium',
      failureComment: 'Said the address can change after shipping',
    };
  },
  (rng) => {
    const product = rng.pick(PRODUCTS);
    return {
      title: 'Express shipping cost',
      question: `How much is express shipping for a ${product}?`,
      answer:
        'Express shipping is a flat $14.99 within the country and arrives in 1-2 business days if you order before 2 pm.',
      wrong: 'Express shipping is free on all orders.',
      difficulty: 'easy',
      failureComment: 'Express shipping is not free',
    };
  },
  (rng) => {
    const product = rng.pick(PRODUCTS);
    return {
      title: 'Crushed box',
      question: `The box for my ${product} arrived crushed. Should I accept it?`,
      answer:
        'Accept it and photograph the box and the item, then open a claim within 48 hours from Orders > Report a problem and we will send a replacement.',
      wrong: 'Refuse the delivery and wait for the carrier to return it to us.',
      difficulty: 'hard',
      failureComment: 'Missed the 48-hour claim window',
    };
  },
  (rng) => {
    const product = rng.pick(PRODUCTS);
    return {
      title: 'Delivered but missing',
      question: `Tracking says delivered but I never got my ${product}.`,
      answer:
        'Check with neighbours and your mail room first; if it has not turned up after 48 hours, report it as missing and we will reship or refund it.',
      wrong: 'Once tracking says delivered we cannot help; contact the carrier.',
      difficulty: 'hard',
      failureComment: 'Refused to help with a missing package',
    };
  },
];

const ACCOUNT: Template[] = [
  () => ({
    title: 'Reset email missing',
    question: "I can't log in and the password reset email never arrives.",
    answer:
      'Check spam and make sure you used the sign-up address; reset links expire after 30 minutes. If nothing arrives within 10 minutes we can verify your identity and reset it manually.',
    wrong: 'Create a new account with a different email address instead.',
    difficulty: 'easy',
    failureComment: 'Skipped the identity verification step',
  }),
  () => ({
    title: 'Change email',
    question: 'How do I change the email address on my account?',
    answer:
      'Go to Settings > Profile > Email, enter the new address and confirm the link we send to it; the old address gets a notice too.',
    wrong: 'Email addresses cannot be changed once the account exists.',
    difficulty: 'easy',
    failureComment: 'Email changes are possible',
  }),
  () => ({
    title: 'Delete account',
    question: 'How do I permanently delete my account and data?',
    answer:
      'Go to Settings > Privacy > Delete account. Deletion becomes final after a 14-day grace period and personal data is erased within 30 days.',
    wrong: 'Deleting the app from your phone deletes your account.',
    context:
      'Privacy policy: deletion requests have a 14-day grace period; data erased in 30 days.',
    difficulty: 'medium',
    failureComment: 'Did not mention the 14-day grace period',
  }),
  () => ({
    title: 'Lost 2FA phone',
    question: 'I lost the phone with my two-factor app. How do I get back in?',
    answer:
      'Sign in with one of your backup codes. Without backup codes, contact support for identity verification, which takes 1-2 business days.',
    wrong: 'Two-factor can be turned off from the login page by clicking "Skip".',
    difficulty: 'hard',
    failureComment: 'Suggested bypassing two-factor authentication',
  }),
  (rng) => {
    const plan = rng.pick(PLANS);
    return {
      title: 'Add a teammate',
      question: `How do I add a teammate to my ${plan} plan?`,
      answer: `Admins invite teammates from Settings > Team > Invite. ${plan} includes up to 5 seats; extra seats are billed monthly.`,
      wrong: `Share your password with your teammate; ${plan} plans are single-user.`,
      difficulty: 'medium',
      failureComment: 'Recommended sharing credentials',
    };
  },
  () => ({
    title: 'Merge accounts',
    question: 'I accidentally created two accounts. Can you merge them?',
    answer:
      'We cannot merge accounts automatically, but after verifying you own both email addresses we can move your order history to one of them.',
    wrong: 'Yes, accounts merge automatically if they share a name.',
    difficulty: 'hard',
    failureComment: 'Promised an automatic merge that does not exist',
  }),
];

const RETURNS: Template[] = [
  (rng) => {
    const product = rng.pick(PRODUCTS);
    const days = rng.int(10, 45);
    const inWindow = days <= 30;
    return {
      title: 'Return window',
      question: `Can I still return the ${product} I received ${days} days ago?`,
      answer: inWindow
        ? 'Yes. Items can be returned within 30 days of delivery in original condition; start the return from Orders > Return item.'
        : 'Not as a return: the window is 30 days from delivery, but the item is still covered by the 1-year warranty if it is faulty.',
      wrong: inWindow
        ? 'No, returns are only accepted within 7 days of delivery.'
        : 'Yes, returns are accepted at any time with the receipt.',
      context: 'Returns policy: 30 days from delivery, original condition; 1-year warranty.',
      difficulty: inWindow ? 'easy' : 'hard',
      failureComment: 'Missed the refund window',
    };
  },
  (rng) => {
    const product = rng.pick(PRODUCTS);
    return {
      title: 'Refund timing',
      question: `I sent my ${product} back last week. When will I get my refund?`,
      answer:
        'Refunds are issued within 5 business days of the return reaching our warehouse; banks then take another 3-10 days to show it.',
      wrong: 'Refunds are issued the same day you post the item.',
      difficulty: 'easy',
      failureComment: 'Promised a same-day refund',
    };
  },
  (rng) => {
    const product = rng.pick(PRODUCTS);
    return {
      title: 'Return shipping fee',
      question: `Do I pay for return shipping on a ${product} I just don't like?`,
      answer:
        'For change-of-mind returns a $6.95 label fee is deducted from the refund; returns of faulty items are free.',
      wrong: 'Return shipping is always free.',
      context: 'Returns policy: change-of-mind returns incur a $6.95 label fee.',
      difficulty: 'medium',
      failureComment: 'Forgot the return label fee',
    };
  },
  (rng) => {
    const product = rng.pick(PRODUCTS);
    return {
      title: 'Exchange instead',
      question: `Can I exchange my ${product} for a different colour instead of returning it?`,
      answer:
        'Yes. Choose Exchange instead of Return in Orders; we ship the replacement as soon as the carrier scans the original.',
      wrong: 'Exchanges are not offered; return it and place a new order.',
      difficulty: 'medium',
      failureComment: 'Exchanges are supported',
    };
  },
  (rng) => {
    const product = rng.pick(PRODUCTS);
    return {
      title: 'Opened item',
      question: `Can I return an opened ${product}?`,
      answer:
        'Yes, opened items can be returned within 30 days if they are undamaged and include all accessories.',
      wrong: 'Opened items can never be returned.',
      difficulty: 'easy',
      failureComment: 'Opened items are returnable',
    };
  },
  (rng) => {
    const product = rng.pick(PRODUCTS);
    return {
      title: 'Gift return',
      question: `I got a ${product} as a gift. Can I return it without the receipt?`,
      answer:
        'Yes. Use the gift return form with the order number from the packing slip; the refund goes to the giver unless you choose store credit.',
      wrong: 'Gifts cannot be returned without the original receipt.',
      difficulty: 'hard',
      failureComment: 'Did not mention the gift return form',
    };
  },
];

const TECHNICAL: Template[] = [
  (rng) => {
    const device = rng.pick(DEVICES);
    return {
      title: 'Crash in Settings',
      question: `The app crashes on my ${device} whenever I open Settings.`,
      answer:
        'Update to the latest app version first; if it still crashes, clear the app cache or reinstall, and send us the crash report from Help > Diagnostics.',
      wrong: `The ${device} is not supported, so there is no fix.`,
      difficulty: 'medium',
      failureComment: 'Suggested a fix for the wrong app version',
    };
  },
  (rng) => {
    const device = rng.pick(DEVICES);
    return {
      title: 'Sync lag',
      question: `My data isn't syncing between my ${device} and the web app.`,
      answer:
        'Check both are signed in to the same account and up to date, then pull to refresh; sync can lag by up to 5 minutes on slow connections.',
      wrong: 'Sync only happens once a day at midnight.',
      difficulty: 'easy',
      failureComment: 'Sync is continuous, not daily',
    };
  },
  () => ({
    title: 'Export to CSV',
    question: 'How do I export all my data as CSV?',
    answer:
      'Go to Settings > Data > Export, choose CSV and we email a download link within 15 minutes; the link is valid for 7 days.',
    wrong: 'Data export is only available through the API.',
    difficulty: 'easy',
    failureComment: 'Export is available in the app',
  }),
  () => ({
    title: 'Thermostat offline',
    question: 'My smart thermostat shows Offline even though my Wi-Fi works.',
    answer:
      'The thermostat only supports 2.4 GHz Wi-Fi: reconnect it to a 2.4 GHz network from the device menu, then restart it by holding the dial for 10 seconds.',
    wrong: 'Factory-reset your router and the thermostat will reconnect.',
    context: 'Device spec: Wi-Fi 802.11 b/g/n, 2.4 GHz only.',
    difficulty: 'hard',
    failureComment: 'Missed the 2.4 GHz requirement',
  }),
  () => ({
    title: 'API 429 errors',
    question: 'Our integration gets HTTP 429 errors from your API. What are the limits?',
    answer:
      'The API allows 100 requests per minute per key; back off using the Retry-After header, or ask about higher limits on the Team plan.',
    wrong: 'There are no rate limits; a 429 means your key is revoked.',
    context: 'API docs: 100 requests/minute/key; 429 responses include Retry-After.',
    difficulty: 'medium',
    failureComment: 'Confused rate limiting with key revocation',
  }),
  () => ({
    title: 'Supported browsers',
    question: 'Which browsers does the web app support?',
    answer:
      'The latest two versions of Chrome, Firefox, Safari and Edge. Internet Explorer is not supported.',
    wrong: 'Only Chrome is supported.',
    difficulty: 'easy',
    failureComment: 'Listed only one supported browser',
  }),
];

const TEMPLATES: Record<Topic, Template[]> = {
  billing: BILLING,
  shipping: SHIPPING,
  account: ACCOUNT,
  returns: RETURNS,
  technical: TECHNICAL,
};

export function supportCase(rng: Rng, topic: Topic): SupportCase {
  const made = rng.pick(TEMPLATES[topic])(rng);
  // A fifth of cases drift one step in difficulty so every template spans a couple of levels.
  if (rng.chance(0.2)) {
    const shifted: Difficulty =
      made.difficulty === 'easy'
        ? 'medium'
        : made.difficulty === 'hard'
          ? 'medium'
          : rng.pick(['easy', 'hard'] as const);
    return { ...made, difficulty: shifted };
  }
  return made;
}

/** Openers and closers give each model and prompt version a recognisable voice. */
export const MODEL_VOICE: Record<string, { openers: readonly string[] }> = {
  'gpt-4o': { openers: ['Sure! ', 'Happy to help. ', 'Good news: ', ''] },
  'gpt-4o-mini': { openers: ['Sure. ', '', 'Here is what to do: '] },
  'claude-3-5-sonnet': { openers: ['Thanks for reaching out. ', 'Good question. ', ''] },
  'llama-3.1-70b': { openers: ['', 'Answer: ', 'Hi! '] },
};

export const PROMPT_CLOSERS: Record<string, readonly string[]> = {
  v1: [''],
  v2: [
    ' Let me know if there is anything else I can help with.',
    ' If that does not solve it, reply here and we will escalate.',
    ' I have added a note to your account so the next agent sees this.',
  ],
};

/** Filler used to pad answers to a target length in the scale dataset. */
export const FILLER_SENTENCES = [
  'You can also find this in the help centre under the same topic.',
  'Our support team is available around the clock if you need more help.',
  'Please keep your order number handy when you contact us.',
  'The change usually shows up in your account within a few minutes.',
  'We have shared the details by email as well.',
  'This applies to all plans and regions unless stated otherwise.',
];

export const HELPFULNESS_COMMENTS = [
  'Clear and actionable',
  'Too verbose for a simple question',
  'Tone a bit curt',
  'Good use of the retrieved policy',
];

export const CORRECT_COMMENTS = ['Matches the reference', 'Correct and cites the policy'];

export const HUMAN_NOTES = [
  'Human verdict: PASS, ready to ship',
  'Human verdict: FAIL, escalate to policy team',
  'Check this one again after the returns policy update',
  'Customer-facing wording approved by legal',
];
