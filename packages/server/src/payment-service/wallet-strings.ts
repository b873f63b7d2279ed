// The demo wallet's own words: it is another party's page (the customer has left the portal), so
// it does not borrow the portal's strings. It speaks the portal's language when it knows it.

export interface WalletLanguage {
  code: string;
  dir: 'ltr' | 'rtl';
  title: string;
  question: string;
  reference: string;
  approve: string;
  cancel: string;
}

export const WALLET_LANGUAGES: readonly WalletLanguage[] = [
  {
    code: 'en',
    dir: 'ltr',
    title: 'Northwind Wallet (demo)',
    question: 'Approve this payment to Northwind Voice? In this demo, approving always succeeds.',
    reference: 'Payment:',
    approve: 'Approve and return',
    cancel: 'Cancel and return',
  },
  {
    code: 'de',
    dir: 'ltr',
    title: 'Northwind Wallet (Demo)',
    question: 'Diese Zahlung an Northwind Voice freigeben? In dieser Demo gelingt die Freigabe immer.',
    reference: 'Zahlung:',
    approve: 'Freigeben und zurückkehren',
    cancel: 'Abbrechen und zurückkehren',
  },
  {
    code: 'ar',
    dir: 'rtl',
    title: 'محفظة نورثويند (تجريبية)',
    question: 'هل توافق على هذه الدفعة إلى نورثويند فويس؟ في هذا العرض التجريبي تنجح الموافقة دائمًا.',
    reference: 'الدفعة:',
    approve: 'الموافقة والعودة',
    cancel: 'الإلغاء والعودة',
  },
];
