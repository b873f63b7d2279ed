import type { Messages } from './messages.js';

export default {
  common: {
    loading: 'Wird geladen…',
    refreshing: 'Wird aktualisiert…',
    retry: 'Erneut versuchen',
    close: 'Schließen',
    updatedAt: 'Aktualisiert {{time}}',
    notConfigured: {
      title: 'Nicht verbunden',
      body: 'Dieser Bereich der Seite ist noch mit keinem Dienst verbunden. Bitte versuchen Sie es später erneut.',
    },
    readOnly: 'Nur Ansicht',
    days_one: '{{count}} Tag',
    days_other: '{{count}} Tage',
  },
  errors: {
    unauthorized: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    forbidden: 'Dazu fehlt Ihnen die Berechtigung.',
    not_found: 'Dieser Eintrag existiert nicht mehr.',
    conflict: 'Jemand anderes hat dies inzwischen geändert.',
    validation: 'Einige Angaben sind ungültig. Bitte prüfen Sie die markierten Felder.',
    rate_limited: 'Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
    unavailable: 'Der Dienst ist gerade nicht verfügbar.',
    network: 'Der Dienst ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.',
    timeout: 'Der Dienst hat nicht rechtzeitig geantwortet.',
    invalid_response: 'Der Dienst hat eine Antwort gesendet, die nicht angezeigt werden kann.',
    payment_declined: 'Die Zahlung wurde abgelehnt.',
    unsupported: 'Dies ist für Ihr Konto nicht verfügbar.',
    not_configured: 'Dieser Bereich der Seite ist noch mit keinem Dienst verbunden.',
  },
  services: {
    calls: 'Anrufe',
    messaging: 'Nachrichten',
    subscriptions: 'Abonnements',
    data: 'Daten',
    other: 'Sonstiges',
  },
} satisfies Messages;
