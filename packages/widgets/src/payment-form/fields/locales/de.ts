import type { Messages } from '@ringside/core';

export default {
  paymentFields: {
    card: {
      legend: 'Kartendaten',
      number: 'Kartennummer',
      expiry: 'Gültig bis (MM/JJ)',
      securityCode: 'Prüfnummer',
      securityCodeHint_one: 'Die {{count}} Ziffer auf der Kartenrückseite.',
      securityCodeHint_other: 'Die {{count}} Ziffern auf der Kartenrückseite (bei American Express auf der Vorderseite).',
      holder: 'Name auf der Karte',
    },
    accountHolder: 'Kontoinhaber',
    bank: {
      legend: 'Bankkonto',
      routingNumber: 'Bankleitzahl (Routing Number)',
      accountNumber: 'Kontonummer',
      accountType: 'Kontoart',
      checking: 'Girokonto',
      savings: 'Sparkonto',
    },
    debit: {
      legend: 'Lastschrift',
      iban: 'IBAN',
      mandate: 'Mit der Zahlung ermächtigen Sie uns, diesen Betrag per Lastschrift von dem Konto einzuziehen.',
    },
    errors: {
      number: {
        required: 'Geben Sie die Kartennummer ein.',
        invalid: 'Eine Kartennummer besteht nur aus Ziffern.',
        length: 'Diese Kartennummer hat zu wenige oder zu viele Ziffern.',
        luhn: 'Diese Kartennummer ist ungültig. Prüfen Sie sie auf Tippfehler.',
      },
      expiry: {
        required: 'Geben Sie das Ablaufdatum ein.',
        invalid: 'Geben Sie das Ablaufdatum als Monat und Jahr ein, zum Beispiel 08/29.',
        past: 'Diese Karte ist abgelaufen.',
      },
      securityCode: {
        required: 'Geben Sie die Prüfnummer ein.',
        length_one: 'Die Prüfnummer hat {{count}} Ziffer.',
        length_other: 'Die Prüfnummer hat {{count}} Ziffern.',
      },
      holder: {
        required: 'Geben Sie den Namen so ein, wie er auf der Karte steht.',
        invalid: 'Geben Sie den Namen ohne Ziffern ein, so wie er auf der Karte steht.',
      },
      routingNumber: {
        required: 'Geben Sie die Bankleitzahl ein.',
        length_one: 'Eine Bankleitzahl hat {{count}} Ziffer.',
        length_other: 'Eine Bankleitzahl hat {{count}} Ziffern.',
        checksum: 'Diese Bankleitzahl ist ungültig. Prüfen Sie sie auf Tippfehler.',
      },
      accountNumber: {
        required: 'Geben Sie die Kontonummer ein.',
        invalid: 'Eine Kontonummer hat 4 bis 17 Ziffern.',
      },
      accountType: {
        required: 'Wählen Sie die Kontoart.',
      },
      accountHolder: {
        required: 'Geben Sie den Namen des Kontoinhabers ein.',
        invalid: 'Geben Sie den Namen des Kontoinhabers ohne Ziffern ein.',
      },
      iban: {
        required: 'Geben Sie die IBAN ein.',
        invalid: 'Eine IBAN beginnt mit zwei Buchstaben und zwei Ziffern.',
        country: 'IBANs dieses Landes können nicht verwendet werden.',
        length_one: 'Eine IBAN dieses Landes hat {{count}} Zeichen.',
        length_other: 'Eine IBAN dieses Landes hat {{count}} Zeichen.',
        checksum: 'Diese IBAN ist ungültig. Prüfen Sie sie auf Tippfehler.',
      },
      service: 'Der Zahlungsdienst konnte diese Angaben nicht prüfen. Bitte versuchen Sie es erneut.',
    },
  },
} satisfies Messages;
