import { createI18n, loadLocale } from '@ringside/core';
import { describe, matches, parse } from '@ringside/period';
import type { PeriodWizardValueDetail, RsPeriodWizard } from '@ringside/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import type { RingsideParameters } from '../.storybook/ringside.js';

interface WizardArgs {
  value: string;
  required: boolean;
  disabled: boolean;
  readonly: boolean;
  label: string;
  hourCycle: '' | 'h12' | 'h23';
  onChange: (event: CustomEvent<PeriodWizardValueDetail>) => void;
  onInput: (event: CustomEvent<PeriodWizardValueDetail>) => void;
}

type Story = StoryObj<WizardArgs>;

const ringside = (options: RingsideParameters): { ringside: RingsideParameters } => ({ ringside: options });

// ---------------------------------------------------------------------------------------------
// Play helpers. Everything is found by role and accessible name through the wizard's shadow root.
// Expected strings come from the locale the story renders in, so the play functions pass in any
// toolbar locale; the German and Arabic stories check their translations literally.
// ---------------------------------------------------------------------------------------------

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

async function getWizard({ canvasElement, globals }: { canvasElement: HTMLElement; globals: Record<string, unknown> }) {
  const locale = String(globals.locale ?? 'en');
  await loadLocale(locale);
  const wizard = await waitFor(() => {
    const found = canvasElement.querySelector<RsPeriodWizard>('rs-period-wizard');
    if (!found?.shadowRoot) throw new Error('<rs-period-wizard> has not rendered');
    return found;
  });
  await wizard.updateComplete;
  const i18n = createI18n({ locale });
  const t = (key: string, options?: Record<string, unknown>) => collapse(i18n.t(`periodWizard.${key}`, options));
  const shadow = within(wizard.shadowRoot as unknown as HTMLElement);
  return {
    wizard,
    shadow,
    t,
    /** Long weekday or month names as the checkboxes are named. */
    weekday: (day: number) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2023, 0, day)),
    month: (month: number) => new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2023, month - 1, 15)),
    /** A text in words, as the wizard should say it. */
    words: (text: string) => {
      const result = parse(text);
      return result.ok ? collapse(describe(result.period, locale)) : '';
    },
    /** The summary's "in words" text. */
    description: () => collapse(wizard.shadowRoot!.querySelector('#description')?.textContent ?? ''),
  };
}

/** Types into the expression field as the browser reports it: the whole text, one input event. */
async function typeInto(field: HTMLElement, text: string): Promise<void> {
  (field as HTMLTextAreaElement).focus();
  fireEvent.input(field, { target: { value: text } });
}

/** Sets a native time input the way the browser does when the user picks a time. */
async function setTime(input: HTMLElement, value: string): Promise<void> {
  (input as HTMLInputElement).focus();
  fireEvent.input(input, { target: { value } });
  fireEvent.change(input, { target: { value } });
}

/** Matches an accessible name whose whitespace differs (Intl puts narrow no-break spaces in "4:00 AM"). */
const named = (expected: string) => (name: string) => collapse(name) === expected;

const MONDAY_10 = new Date(2026, 10, 23, 10, 0);
const SATURDAY_10 = new Date(2026, 10, 28, 10, 0);

// ---------------------------------------------------------------------------------------------

const meta = {
  title: 'Widgets/Period wizard',
  component: 'rs-period-wizard',
  // The wizard needs no backend: the provider around it has no adapter, and it must not say
  // "not connected".
  parameters: ringside({ adapter: null }),
  args: {
    value: '',
    required: false,
    disabled: false,
    readonly: false,
    label: '',
    hourCycle: '',
    onChange: fn(),
    onInput: fn(),
  },
  argTypes: {
    value: { description: 'The Time::Period text (the `value` attribute is also the reset default).', control: 'text', table: { category: 'attributes' } },
    required: { description: 'A value other than empty or never is required.', control: 'boolean', table: { category: 'attributes' } },
    disabled: { description: 'Not editable and not submitted.', control: 'boolean', table: { category: 'attributes' } },
    readonly: { description: 'Shown and submitted, not editable.', control: 'boolean', table: { category: 'attributes' } },
    label: { description: 'The title; default "Time period" in the locale.', control: 'text', table: { category: 'attributes' } },
    hourCycle: {
      name: 'hour-cycle',
      description: 'Forces a 12- or 24-hour clock in descriptions.',
      control: 'inline-radio',
      options: ['', 'h12', 'h23'],
      table: { category: 'attributes' },
    },
    onChange: { name: 'change', description: 'The user committed a new value. `detail: { value }`.', table: { category: 'events' } },
    onInput: { name: 'input', description: 'The user typed in the expression field.', table: { category: 'events' } },
  },
  render: (args) =>
    html`<rs-period-wizard
      value=${args.value}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?readonly=${args.readonly}
      label=${ifDefined(args.label || undefined)}
      hour-cycle=${ifDefined(args.hourCycle || undefined)}
      @change=${args.onChange}
      @input=${args.onInput}
    ></rs-period-wizard>`,
} satisfies Meta<WizardArgs>;

export default meta;

/** A new schedule: no value yet, which Time::Period reads as always. */
export const Empty: Story = {
  name: 'Empty (new schedule)',
  play: async (context) => {
    const { wizard, shadow, t, words, description } = await getWizard(context);
    await expect(shadow.getByRole('radio', { name: t('choice.always') })).toBeChecked();
    await expect(description()).toBe(words(''));
    await expect(shadow.getByText(t('summary.empty'))).toBeVisible();
    // It needs no backend: no "not connected" state.
    await expect(wizard.shadowRoot!.textContent).not.toContain(createI18n({ locale: 'en' }).t('common.notConfigured.title'));
    await expect(wizard.checkValidity()).toBe(true);
  },
};

/** The user builds Monday to Friday, 9 to 5: "Only at these times", times, days, "Include this period". */
export const CreateWorkweek: Story = {
  name: 'Create Mon–Fri 9–5',
  play: async (context) => {
    const { wizard, shadow, t, weekday, words, description } = await getWizard(context);
    await context.step('chooses "Only at these times": the value is never until a period is included', async () => {
      await userEvent.click(shadow.getByRole('radio', { name: t('choice.times') }));
      await expect(wizard.value).toBe('none');
      await expect(context.args.onChange).toHaveBeenCalledTimes(1);
    });
    await context.step('fills in 09:00–17:00, Monday to Friday, and includes it', async () => {
      await setTime(shadow.getByLabelText(t('editor.start')), '09:00');
      await setTime(shadow.getByLabelText(t('editor.end')), '17:00');
      for (const day of [2, 3, 4, 5, 6]) await userEvent.click(shadow.getByRole('checkbox', { name: weekday(day) }));
      await expect(wizard.value).toBe('none'); // nothing is committed before "Include"
      await userEvent.click(shadow.getByRole('button', { name: t('editor.include') }));
      await expect(wizard.value).toBe('wd {mo-fr} hr {9-16}');
      await expect(matches(wizard.value, MONDAY_10)).toBe(true);
      await expect(matches(wizard.value, SATURDAY_10)).toBe(false);
      await expect(context.args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ detail: { value: 'wd {mo-fr} hr {9-16}' } }));
      await expect(context.args.onInput).not.toHaveBeenCalled();
    });
    await context.step('shows it in the list, in words and as the expression', async () => {
      await expect(shadow.getAllByRole('listitem')).toHaveLength(1);
      await expect(description()).toBe(words('wd {mo-fr} hr {9-16}'));
      await expect(shadow.getByText('wd {mo-fr} hr {9-16}', { selector: 'code' })).toBeVisible();
      await expect(shadow.getByRole('status')).toHaveTextContent(t('announce.added', { period: words('wd {mo-fr} hr {9-16}') }));
      (wizard.shadowRoot!.activeElement as HTMLElement | null)?.blur();
    });
  },
};

/** `Always`, PortaOne's word. Switching to times and back keeps the word. */
export const Always: Story = {
  args: { value: 'Always' },
  play: async (context) => {
    const { wizard, shadow, t, words, description } = await getWizard(context);
    await expect(shadow.getByRole('radio', { name: t('choice.always') })).toBeChecked();
    await expect(description()).toBe(words('Always')); // "Always"
    await expect(shadow.getByText('Always', { selector: 'code' })).toBeVisible();
    await expect(shadow.queryByRole('list')).toBeNull();
    await userEvent.click(shadow.getByRole('radio', { name: t('choice.times') }));
    await expect(wizard.value).toBe('none');
    await expect(shadow.getByText(t('list.empty'))).toBeVisible();
    await userEvent.click(shadow.getByRole('radio', { name: t('choice.always') }));
    await expect(wizard.value).toBe('Always');
    await expect(context.args.onChange).toHaveBeenCalledTimes(2);
  },
};

/** "Only at these times" with no periods yet: the value is `none` (never). */
export const Never: Story = {
  name: 'Never (empty list)',
  args: { value: 'none' },
  play: async (context) => {
    const { shadow, t } = await getWizard(context);
    await expect(shadow.getByRole('radio', { name: t('choice.times') })).toBeChecked();
    await expect(shadow.getByText(t('list.empty'))).toBeVisible();
    await expect(shadow.getByRole('group', { name: t('editor.newTitle') })).toBeVisible();
  },
};

/** PortaOne's own example, as PortaOne writes it: two periods, ORed. Removing one rewrites the text. */
export const SeveralPeriods: Story = {
  name: 'Several periods',
  args: { value: 'hr{8-18} wd{mo-fri}, hr{4-6} wd{sa}' },
  play: async (context) => {
    const { wizard, shadow, t, words } = await getWizard(context);
    const items = shadow.getAllByRole('listitem');
    await expect(items).toHaveLength(2);
    // Opening does not reformat the text.
    await expect(wizard.value).toBe('hr{8-18} wd{mo-fri}, hr{4-6} wd{sa}');
    await expect(shadow.getByText('hr{8-18} wd{mo-fri}, hr{4-6} wd{sa}', { selector: 'code' })).toBeVisible();
    const second = within(items[1]!);
    await expect(items[1]).toHaveTextContent(words('wd {sa} hr {4-6}'));
    await userEvent.click(second.getByRole('button', { name: named(t('list.removeLabel', { period: words('wd {sa} hr {4-6}') })) }));
    await expect(wizard.value).toBe('wd {mo-fr} hr {8-18}');
    await expect(shadow.getAllByRole('listitem')).toHaveLength(1);
    await expect(context.args.onChange).toHaveBeenCalledTimes(1);
    // Leave the story as designers expect to see it.
    wizard.value = context.args.value;
    await wizard.updateComplete;
    await expect(shadow.getAllByRole('listitem')).toHaveLength(2);
    (wizard.shadowRoot!.activeElement as HTMLElement | null)?.blur();
  },
};

/** The seed's example: 20:00 to 08:00, Monday to Friday, all months, ONE period. */
export const Overnight: Story = {
  args: { value: 'mo {jan-dec} wd {mo-fr} hr {20-7}' },
  play: async (context) => {
    const { wizard, shadow, t, weekday, words } = await getWizard(context);
    const [item] = shadow.getAllByRole('listitem');
    await expect(shadow.getAllByRole('listitem')).toHaveLength(1);
    await expect(item).toHaveTextContent(t('list.overnight'));
    await userEvent.click(within(item!).getByRole('button', { name: named(t('list.editLabel', { period: words('mo {jan-dec} wd {mo-fr} hr {20-7}') })) }));
    await expect(shadow.getByLabelText(t('editor.start'))).toHaveValue('20:00');
    await expect(shadow.getByLabelText(t('editor.end'))).toHaveValue('08:00');
    await wizard.updateComplete;
    await expect(wizard.shadowRoot!.activeElement).toBe(shadow.getByLabelText(t('editor.start')));
    await expect(shadow.getByRole('checkbox', { name: weekday(2) })).toBeChecked();
    await expect(shadow.getByRole('checkbox', { name: weekday(7) })).not.toBeChecked();
    await expect(shadow.getByText(t('editor.overnight'))).toBeVisible();
  },
};

/** The seed's flow from the start: 20:00 → 08:00, Mon–Fri, "Select all months", "Include". */
export const OvernightBuilt: Story = {
  name: 'Overnight, built as in the seed',
  args: { value: 'none' },
  play: async (context) => {
    const { wizard, shadow, t, weekday, month } = await getWizard(context);
    await setTime(shadow.getByLabelText(t('editor.start')), '20:00');
    await setTime(shadow.getByLabelText(t('editor.end')), '08:00');
    await expect(shadow.getByText(t('editor.overnight'))).toBeVisible();
    for (const day of [2, 3, 4, 5, 6]) await userEvent.click(shadow.getByRole('checkbox', { name: weekday(day) }));
    await userEvent.click(shadow.getByRole('button', { name: t('editor.selectAllMonths') }));
    await expect(shadow.getByRole('checkbox', { name: month(12) })).toBeChecked();
    await userEvent.click(shadow.getByRole('button', { name: t('editor.include') }));
    await expect(wizard.value).toBe('mo {jan-dec} wd {mo-fr} hr {20-7}');
    await expect(shadow.getAllByRole('listitem')[0]).toHaveTextContent(t('list.overnight'));
  },
};

/** Minutes: 08:30 to 17:15 needs three sub-periods in the text, one period in the form. */
export const Minutes: Story = {
  args: { value: 'wd {mo-fr} hr {8} min {30-59}, wd {mo-fr} hr {9-16}, wd {mo-fr} hr {17} min {0-14}' },
  play: async (context) => {
    const { shadow } = await getWizard(context);
    await expect(shadow.getAllByRole('listitem')).toHaveLength(1);
  },
};

/** Days of the month: the 1st and the 15th, whole days. Editing opens the day grid. */
export const MonthDays: Story = {
  name: 'Days of the month',
  args: { value: 'md {1 15}' },
  play: async (context) => {
    const { wizard, shadow, t, words } = await getWizard(context);
    const [item] = shadow.getAllByRole('listitem');
    await userEvent.click(within(item!).getByRole('button', { name: named(t('list.editLabel', { period: words('md {1 15}') })) }));
    await wizard.updateComplete;
    const days = shadow.getByRole('group', { name: t('editor.monthDays') });
    await expect(within(days).getByRole('checkbox', { name: '1' })).toBeChecked();
    await expect(within(days).getByRole('checkbox', { name: '15' })).toBeChecked();
    await expect(within(days).getByRole('checkbox', { name: '2' })).not.toBeChecked();
    await expect(within(days).getAllByRole('checkbox')).toHaveLength(31);
  },
};

/** Week of the month: the form cannot show it, so it opens as text and stays exactly as written. */
export const Unrepresentable: Story = {
  name: 'Expression the form cannot show',
  args: { value: 'wk {1 3 5}  wd {Mon}' },
  play: async (context) => {
    const { wizard, shadow, t } = await getWizard(context);
    const field = shadow.getByRole('textbox', { name: t('text.label') });
    await expect(field).toHaveValue('wk {1 3 5}  wd {Mon}');
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await expect(shadow.getByText(t('text.unrepresentable'))).toBeVisible();
    await expect(shadow.queryByRole('button', { name: t('text.hide') })).toBeNull();
    await expect(wizard.value).toBe('wk {1 3 5}  wd {Mon}');
    await expect(wizard.checkValidity()).toBe(true);
  },
};

/** Typing an hour the scale does not have: the translated message sits at the field. */
export const InvalidText: Story = {
  name: 'Invalid text',
  args: { value: 'wd {mo-fr} hr {9-17:30}' },
  play: async (context) => {
    const { wizard, shadow, t } = await getWizard(context);
    const field = shadow.getByRole('textbox', { name: t('text.label') });
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(expect.stringContaining('17:30'));
    await expect(wizard.validity.badInput).toBe(true);
    await expect(wizard.value).toBe('wd {mo-fr} hr {9-17:30}');
    await expect(shadow.getByText(t('text.fixToReturn'))).toBeVisible();
    // Fixing it clears the error; typing fires input, leaving the field fires change.
    await typeInto(field, 'wd {mo-fr} hr {9-1');
    await typeInto(field, 'wd {mo-fr} hr {9-16}');
    await wizard.updateComplete;
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await expect(wizard.value).toBe('wd {mo-fr} hr {9-16}');
    await expect(context.args.onInput).toHaveBeenCalledTimes(2);
    fireEvent.change(field);
    await expect(context.args.onChange).toHaveBeenLastCalledWith(expect.objectContaining({ detail: { value: 'wd {mo-fr} hr {9-16}' } }));
    await userEvent.click(shadow.getByRole('button', { name: t('text.hide') }));
    await expect(shadow.getAllByRole('listitem')).toHaveLength(1);
    // Going back to the form does not reformat.
    await expect(wizard.value).toBe('wd {mo-fr} hr {9-16}');
    // Put it back as the story shows it.
    wizard.value = context.args.value;
  },
};

/** `readonly`: the description, the expression and the periods; nothing to change. */
export const ReadOnly: Story = {
  name: 'Read-only',
  args: { value: 'wd {mo-fr} hr {8-17}, wd {sa} hr {9-12}', readonly: true },
  play: async (context) => {
    const { wizard, shadow } = await getWizard(context);
    await expect(shadow.queryByRole('button')).toBeNull();
    await expect(shadow.queryByRole('radio')).toBeNull();
    await expect(shadow.getAllByRole('listitem')).toHaveLength(2);
    await expect(wizard.willValidate).toBe(false);
  },
};

/** `disabled`: everything shown, nothing can be changed or submitted. */
export const Disabled: Story = {
  args: { value: 'wd {mo-fr} hr {9-16}', disabled: true },
  play: async (context) => {
    const { wizard, shadow, words, description } = await getWizard(context);
    await expect(description()).toBe(words('wd {mo-fr} hr {9-16}'));
    await expect(shadow.queryByRole('button')).toBeNull();
    await expect(shadow.queryByRole('radio')).toBeNull();
    await expect(wizard.willValidate).toBe(false);
  },
};

/** In a native form, `required`: submitting is blocked until there is a schedule. */
export const InAForm: Story = {
  name: 'In a form (required)',
  args: { required: true },
  render: (args) =>
    html`<form
      style="display: grid; gap: 0.75rem"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const form = event.target as HTMLFormElement;
        form.querySelector('output')!.value = JSON.stringify(Object.fromEntries(new FormData(form)));
      }}
    >
      <rs-period-wizard name="schedule" ?required=${args.required} value=${args.value} @change=${args.onChange}></rs-period-wizard>
      <div><button type="submit">Save</button> <button type="reset">Reset</button></div>
      <output aria-live="polite"></output>
    </form>`,
  play: async (context) => {
    const { wizard, shadow, t } = await getWizard(context);
    const form = wizard.closest('form')!;
    const canvas = within(context.canvasElement);
    await expect(shadow.getByRole('radio', { name: t('choice.always') })).not.toBeChecked();
    await expect(form.checkValidity()).toBe(false);
    await expect(wizard.validity.valueMissing).toBe(true);
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(form.querySelector('output')).toHaveValue('');
    await expect(await shadow.findByText(t('validation.valueMissing'))).toBeVisible();
    await userEvent.click(shadow.getByRole('radio', { name: t('choice.always') }));
    await expect(form.checkValidity()).toBe(true);
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(form.querySelector('output')).toHaveValue('{"schedule":"Always"}');
    await userEvent.click(canvas.getByRole('button', { name: 'Reset' }));
    await expect(wizard.value).toBe('');
    await expect(form.checkValidity()).toBe(false);
  },
};

/** A narrow portal column (17rem), editing a period with the day-of-month grid open. */
export const Narrow: Story = {
  name: 'Narrow column',
  parameters: ringside({ adapter: null, width: '17rem' }),
  args: { value: 'md {1 15} hr {9-16}, wd {sa} hr {10-13}' },
  play: async (context) => {
    const { wizard, shadow, t, words } = await getWizard(context);
    await userEvent.click(shadow.getByRole('button', { name: named(t('list.editLabel', { period: words('md {1 15} hr {9-16}') })) }));
    await wizard.updateComplete;
    const base = wizard.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    await expect(base.scrollWidth).toBeLessThanOrEqual(base.clientWidth);
    (wizard.shadowRoot!.activeElement as HTMLElement | null)?.blur();
  },
};

/** German: names, clock and sentences from the locale. */
export const German: Story = {
  name: 'German',
  globals: { locale: 'de' },
  args: { value: 'wd {mo-fr} hr {8-17}, wd {sa} hr {9-12}' },
  play: async (context) => {
    const { shadow, description } = await getWizard(context);
    await expect(await shadow.findByRole('radio', { name: 'Nur zu diesen Zeiten' })).toBeChecked();
    await waitFor(() => expect(description()).toBe('Mo–Fr, 08:00–18:00 oder Sa, 09:00–13:00'));
    await expect(shadow.getByRole('checkbox', { name: 'Montag' })).toBeVisible();
    await expect(shadow.getByRole('button', { name: 'Diesen Zeitraum hinzufügen' })).toBeVisible();
  },
};

/** Arabic: translated, right to left; the expression itself stays left to right. */
export const Arabic: Story = {
  name: 'Arabic (RTL)',
  globals: { locale: 'ar' },
  args: { value: 'wd {mo-fr} hr {20-7}' },
  play: async (context) => {
    const { wizard, shadow } = await getWizard(context);
    await expect(await shadow.findByRole('radio', { name: 'فقط في هذه الأوقات' })).toBeChecked();
    await expect(wizard).toHaveAttribute('dir', 'rtl');
    await expect(getComputedStyle(wizard).direction).toBe('rtl');
    await expect(shadow.getByText('wd {mo-fr} hr {20-7}', { selector: 'code' })).toHaveAttribute('dir', 'ltr');
    await expect(shadow.getAllByRole('listitem')[0]).toHaveTextContent('ليلية، تنتهي في اليوم التالي');
  },
};

/** The dark theme, on a dark page. */
export const Dark: Story = {
  name: 'Dark theme',
  globals: { theme: 'dark' },
  args: { value: 'wd {mo-fr} hr {9-16}' },
  play: async (context) => {
    const { shadow, t } = await getWizard(context);
    const base = shadow.getByRole('group', { name: (name) => name.startsWith(t('title')) });
    await expect(getComputedStyle(base).backgroundColor).toBe('rgb(22, 27, 34)');
  },
};
