import type { TicketSeed } from './tickets.js';

const DANA = 'Dana Whitlock (Support)';
const RAVI = 'Ravi Menon (Voice engineering)';
const JOAN = 'Joan Albright (Billing)';

/** Harbor Point Dental Group's support history: every status, escalations, attachments. */
export const BUSINESS_TICKETS: TicketSeed[] = [
  {
    id: '1001',
    subject: 'Fax line drops pages on long transmissions',
    status: 'open',
    priority: 'high',
    category: ['pbx', 'pbx-devices', 'pbx-fax'],
    accountId: 'acc-fax',
    opened: [6, 16],
    messages: [
      {
        from: 'customer',
        after: 0,
        body: 'Insurance pre-authorisations longer than about eight pages stop halfway. The sending office gets "communication error" and we receive a partial fax. Short faxes are fine. Log from the fax machine attached.',
        files: [['fax-error-log.pdf', 184_320, 'application/pdf']],
      },
      { from: DANA, after: 3, body: 'Thanks for the log. The errors point at the analog adapter falling back from T.38. Could you tell us the adapter model on the fax line, and whether it was restarted recently?' },
      { from: 'customer', after: 20, body: 'It is the grey Grandstream box next to the fax. Nobody restarted it since we moved in.' },
      { from: RAVI, after: 30, body: 'We pushed new fax settings to the adapter (T.38 with redundancy, jitter buffer fixed). Please restart it tonight and send a long test fax tomorrow.' },
    ],
  },
  {
    id: '1002',
    subject: 'Add two extensions for the new hygienists',
    status: 'resolved',
    priority: 'normal',
    category: ['pbx', 'pbx-routing', 'pbx-extensions'],
    opened: [24, 15],
    messages: [
      { from: 'customer', after: 0, body: 'Priya and Hannah start on Monday. They need extensions in the Clinical Team group, no phone lines of their own yet.' },
      { from: DANA, after: 2, body: 'Done: 102 for Priya Raman and 108 for Hannah Cho, both in Clinical Team (220). You can add extensions yourself under Extensions in the portal next time.' },
      { from: 'customer', after: 5, body: 'Perfect, thank you!' },
    ],
  },
  {
    id: '1003',
    subject: "Echo on calls from Dr. Brennan's line",
    status: 'stalled',
    priority: 'normal',
    category: ['voice', 'voice-quality', 'voice-echo'],
    opened: [9, 17],
    messages: [
      { from: 'customer', after: 0, body: 'Patients say they hear themselves when Dr. Brennan calls them back. Only his phone, only on outside calls.' },
      { from: RAVI, after: 4, body: 'Our traces show the echo starts at the handset. Could you swap the handset cord or try a headset for a day? We will wait for your result before going further.' },
    ],
  },
  {
    id: '1004',
    subject: 'Invoice shows the conference bridge twice',
    status: 'open',
    priority: 'normal',
    category: ['billing', 'billing-invoices', 'billing-dispute'],
    accountId: 'acc-main',
    escalated: true,
    opened: [14, 18],
    messages: [
      {
        from: 'customer',
        after: 0,
        body: 'Our last invoice lists "Conference bridge, monthly" twice (49.00 each). We only have one bridge. Screenshot attached.',
        files: [['invoice-lines.png', 96_512, 'image/png']],
      },
      { from: JOAN, after: 26, body: 'I can see both lines. One of them belongs to a bridge that was cancelled in the spring but kept billing. I have asked for a credit note.' },
      { from: 'customer', after: 170, body: 'It has been a week and the credit note has not arrived, and the amount now shows as overdue. Escalating, please.' },
      { from: JOAN, after: 190, body: 'Escalated to the billing supervisor. The overdue flag will not lead to any service restriction while this is open.' },
    ],
  },
  {
    id: '1005',
    subject: 'Port our old toll-free number',
    status: 'open',
    priority: 'normal',
    category: ['voice', 'voice-numbers', 'voice-porting'],
    accountId: 'acc-main',
    opened: [11, 20],
    messages: [
      {
        from: 'customer',
        after: 0,
        body: 'We would like to bring 1-800-555-0199 over from our previous carrier. Signed letter of authorization and the latest bill from them are attached.',
        files: [
          ['letter-of-authorization.pdf', 402_115, 'application/pdf'],
          ['previous-carrier-bill.pdf', 1_288_004, 'application/pdf'],
        ],
      },
      { from: DANA, after: 6, body: 'Received. The port request is filed; the losing carrier usually confirms a date within 5 to 10 business days.' },
      { from: DANA, after: 150, body: 'The previous carrier confirmed the port. We will tell you the date as soon as it is scheduled.' },
    ],
  },
  {
    id: '1006',
    subject: 'Front Office group rings after hours',
    status: 'new',
    priority: 'high',
    category: ['pbx', 'pbx-routing', 'pbx-hunt-groups'],
    opened: [1, 14],
    messages: [
      { from: 'customer', after: 0, body: 'Since Tuesday the Front Office group (200) keeps ringing at night instead of going to the answering service. Did the night schedule change?' },
    ],
  },
  {
    id: '1007',
    subject: "Softphone for Dr. Okafor's laptop",
    status: 'resolved',
    priority: 'low',
    category: ['pbx', 'pbx-devices', 'pbx-softphone'],
    opened: [40, 16],
    messages: [
      { from: 'customer', after: 0, body: 'Dr. Okafor wants to take calls on her laptop when she works from the second clinic. Can extension 103 ring there too?' },
      { from: DANA, after: 3, body: 'Yes. Install the softphone from the link in your welcome email and sign in with the extension credentials we just sent to her. Both the desk phone and the laptop will ring.' },
      { from: 'customer', after: 27, body: 'Works, thanks.' },
    ],
  },
  {
    id: '1008',
    subject: 'Card payment declined although the card is valid',
    status: 'resolved',
    priority: 'normal',
    category: ['billing', 'billing-payments', 'billing-declined'],
    opened: [33, 19],
    messages: [
      { from: 'customer', after: 0, body: 'Paying the invoice with the Amex ending 0005 fails with "declined". The bank says they see no attempt.' },
      { from: JOAN, after: 5, body: 'That card has expired, so the payment page refuses it before it reaches your bank. Please add the renewed card or pay with the Visa ending 4242.' },
    ],
  },
  {
    id: '1009',
    subject: 'Charged twice for the conference bridge',
    status: 'rejected',
    priority: 'normal',
    category: ['billing', 'billing-invoices', 'billing-dispute'],
    opened: [13, 15],
    messages: [
      { from: 'customer', after: 0, body: 'Sending again in case the first one got lost: the conference bridge is on our invoice twice.' },
      { from: JOAN, after: 1, body: 'This is the same question as ticket #1004, which we are working on; closing this one so the conversation stays in one place.' },
    ],
  },
  {
    id: '1010',
    subject: 'Voicemail to email stopped arriving',
    status: 'open',
    priority: 'urgent',
    category: ['pbx', 'pbx-routing', 'pbx-voicemail'],
    opened: [2, 15],
    messages: [
      { from: 'customer', after: 0, body: 'Since yesterday morning no voicemail emails reach reception@harborpointdental.example. Patients are leaving messages we never see.' },
      { from: RAVI, after: 1, body: 'Your mail server started rejecting our messages (SPF). Could your IT add our mail relay to the SPF record? Details are in the attached note.', files: [['spf-record.txt', 612, 'text/plain']] },
      { from: 'customer', after: 4, body: 'Forwarded to our IT contractor; they will change it today.' },
    ],
  },
  {
    id: '1011',
    subject: 'Lab extension cannot call long distance',
    status: 'new',
    priority: 'normal',
    category: ['voice', 'voice-quality', 'voice-outbound'],
    opened: [0, 1],
    messages: [
      {
        from: 'customer',
        after: 0,
        body: 'Extension 107 (lab) gets a fast busy when dialing the dental lab supplier in Calgary. Local calls work.',
        files: [['dial-attempt.jpg', 221_004, 'image/jpeg']],
      },
    ],
  },
  {
    id: '1012',
    subject: 'Portal access for our new office manager',
    status: 'resolved',
    priority: 'low',
    category: ['account', 'account-access', 'account-users'],
    opened: [55, 17],
    messages: [
      { from: 'customer', after: 0, body: 'Grace Whitfield has taken over as office manager. Please give her a login to the self-care portal with access to billing.' },
      { from: DANA, after: 4, body: 'Grace has a login now; the invitation went to her email. She can see billing and manage extensions.' },
    ],
  },
];
