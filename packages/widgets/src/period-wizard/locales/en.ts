import type { Messages } from '@ringside/core';

export default {
  periodWizard: {
    title: 'Time period',
    choice: {
      legend: 'When it applies',
      always: 'Always',
      times: 'Only at these times',
    },
    summary: {
      description: 'In words',
      expression: 'Expression',
      notSet: 'Not chosen yet',
      empty: '(empty)',
      invalid: 'This expression is not valid.',
    },
    list: {
      title: 'Time periods',
      empty: 'No periods yet. Add one below; until then this never applies.',
      edit: 'Edit',
      editLabel: 'Edit {{period}}',
      remove: 'Remove',
      removeLabel: 'Remove {{period}}',
      overnight: 'overnight, ends the next day',
      editing: 'being edited',
    },
    editor: {
      newTitle: 'New period',
      editTitle: 'Change period',
      start: 'Start time',
      end: 'End time',
      timesHint: 'Leave both empty for the whole day. An end time of 00:00 is midnight.',
      overnight: 'Overnight, ends the next day (on each chosen day: midnight to the end time, and the start time to midnight).',
      weekdays: 'Days of the week',
      weekdaysHint: 'None chosen: every day.',
      months: 'Months',
      monthsHint: 'None chosen: every month.',
      selectAllMonths: 'Select all months',
      clearMonths: 'Clear months',
      monthDays: 'Days of the month (optional)',
      monthDaysHint: 'None chosen: every day of the month.',
      clearMonthDays: 'Clear days of the month',
      include: 'Include this period',
      save: 'Save period',
      cancel: 'Cancel',
      errors: {
        unrestricted: 'This period has no limits. Choose a time or some days, or choose “Always”.',
        same_times: 'Start and end are the same. Leave both empty for the whole day.',
        invalid_time: 'Enter complete times.',
      },
    },
    text: {
      show: 'Advanced: edit as expression',
      hide: 'Back to the form',
      label: 'Expression (Time::Period)',
      example: 'For example:',
      syntax: 'Commas separate alternatives; the parts of one alternative must all match.',
      unrepresentable:
        'The form cannot show this expression (it uses weeks, days of the year, years, seconds or parts of hours), so it is kept exactly as written.',
      fixToReturn: 'Correct the expression to go back to the form.',
    },
    announce: {
      added: 'Period added: {{period}}',
      changed: 'Period changed: {{period}}',
      removed: 'Period removed: {{period}}',
    },
    validation: {
      valueMissing: 'Choose “Always”, or add at least one period.',
    },
  },
} satisfies Messages;
