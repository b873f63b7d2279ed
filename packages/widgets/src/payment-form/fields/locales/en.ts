import type { Messages } from '@ringside/core';

/** Labels and messages of the card and bank fields, shared by the built-in tokenizer fields and both payment widgets. */
export default {
  paymentFields: {
    card: {
      legend: 'Card details',
      number: 'Card number',
      expiry: 'Expiry date (MM/YY)',
      securityCode: 'Security code',
      securityCodeHint_one: 'The {{count}} digit on the back of the card.',
      securityCodeHint_other: 'The {{count}} digits on the back of the card (on the front for American Express).',
      holder: 'Name on card',
    },
    accountHolder: 'Account holder',
    bank: {
      legend: 'Bank account',
      routingNumber: 'Routing number',
      accountNumber: 'Account number',
      accountType: 'Account type',
      checking: 'Checking',
      savings: 'Savings',
    },
    debit: {
      legend: 'Direct debit',
      iban: 'IBAN',
      mandate: 'By paying you authorise us to collect this amount from the account by direct debit.',
    },
    errors: {
      number: {
        required: 'Enter the card number.',
        invalid: 'A card number has digits only.',
        length: 'This card number has too few or too many digits.',
        luhn: 'This card number is not valid. Check it for typing mistakes.',
      },
      expiry: {
        required: 'Enter the expiry date.',
        invalid: 'Enter the expiry date as month and year, for example 08/29.',
        past: 'This card has expired.',
      },
      securityCode: {
        required: 'Enter the security code.',
        length_one: 'The security code has {{count}} digit.',
        length_other: 'The security code has {{count}} digits.',
      },
      holder: {
        required: 'Enter the name as printed on the card.',
        invalid: 'Enter the name as printed on the card, without digits.',
      },
      routingNumber: {
        required: 'Enter the routing number.',
        length_one: 'A routing number has {{count}} digit.',
        length_other: 'A routing number has {{count}} digits.',
        checksum: 'This routing number is not valid. Check it for typing mistakes.',
      },
      accountNumber: {
        required: 'Enter the account number.',
        invalid: 'An account number has 4 to 17 digits.',
      },
      accountType: {
        required: 'Choose the account type.',
      },
      accountHolder: {
        required: 'Enter the name of the account holder.',
        invalid: 'Enter the name of the account holder, without digits.',
      },
      iban: {
        required: 'Enter the IBAN.',
        invalid: 'An IBAN starts with two letters and two digits.',
        country: 'IBANs of this country cannot be used.',
        length_one: 'An IBAN of this country has {{count}} character.',
        length_other: 'An IBAN of this country has {{count}} characters.',
        checksum: 'This IBAN is not valid. Check it for typing mistakes.',
      },
      service: 'The payment service could not check these details. Please try again.',
    },
  },
} satisfies Messages;
