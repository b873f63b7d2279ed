import type { Messages } from '@ringside/core';

export default {
  periodWizard: {
    title: 'Zeitraum',
    choice: {
      legend: 'Wann es gilt',
      always: 'Immer',
      times: 'Nur zu diesen Zeiten',
    },
    summary: {
      description: 'In Worten',
      expression: 'Ausdruck',
      notSet: 'Noch nicht gewählt',
      empty: '(leer)',
      invalid: 'Dieser Ausdruck ist ungültig.',
    },
    list: {
      title: 'Zeiträume',
      empty: 'Noch keine Zeiträume. Fügen Sie unten einen hinzu; bis dahin gilt es nie.',
      edit: 'Bearbeiten',
      editLabel: '{{period}} bearbeiten',
      remove: 'Entfernen',
      removeLabel: '{{period}} entfernen',
      overnight: 'über Nacht, endet am nächsten Tag',
      editing: 'wird bearbeitet',
    },
    editor: {
      newTitle: 'Neuer Zeitraum',
      editTitle: 'Zeitraum ändern',
      start: 'Beginn',
      end: 'Ende',
      timesHint: 'Lassen Sie beide Felder leer für den ganzen Tag. Ende 00:00 bedeutet Mitternacht.',
      overnight: 'Über Nacht, endet am nächsten Tag (an jedem gewählten Tag: von Mitternacht bis zum Ende und vom Beginn bis Mitternacht).',
      weekdays: 'Wochentage',
      weekdaysHint: 'Keiner gewählt: jeden Tag.',
      months: 'Monate',
      monthsHint: 'Keiner gewählt: jeden Monat.',
      selectAllMonths: 'Alle Monate wählen',
      clearMonths: 'Monate abwählen',
      monthDays: 'Tage des Monats (optional)',
      monthDaysHint: 'Keiner gewählt: jeden Tag des Monats.',
      clearMonthDays: 'Tage des Monats abwählen',
      include: 'Diesen Zeitraum hinzufügen',
      save: 'Zeitraum speichern',
      cancel: 'Abbrechen',
      errors: {
        unrestricted: 'Dieser Zeitraum hat keine Einschränkung. Wählen Sie eine Uhrzeit oder Tage – oder „Immer“.',
        same_times: 'Beginn und Ende sind gleich. Lassen Sie beide Felder leer für den ganzen Tag.',
        invalid_time: 'Geben Sie vollständige Uhrzeiten ein.',
      },
    },
    text: {
      show: 'Erweitert: als Ausdruck bearbeiten',
      hide: 'Zurück zum Formular',
      label: 'Ausdruck (Time::Period)',
      example: 'Zum Beispiel:',
      syntax: 'Kommas trennen Alternativen; die Teile einer Alternative müssen alle zutreffen.',
      unrepresentable:
        'Das Formular kann diesen Ausdruck nicht darstellen (er verwendet Wochen, Tage des Jahres, Jahre, Sekunden oder Teile von Stunden); er bleibt genau so erhalten, wie er geschrieben ist.',
      fixToReturn: 'Korrigieren Sie den Ausdruck, um zum Formular zurückzukehren.',
    },
    announce: {
      added: 'Zeitraum hinzugefügt: {{period}}',
      changed: 'Zeitraum geändert: {{period}}',
      removed: 'Zeitraum entfernt: {{period}}',
    },
    validation: {
      valueMissing: 'Wählen Sie „Immer“ oder fügen Sie mindestens einen Zeitraum hinzu.',
    },
  },
} satisfies Messages;
