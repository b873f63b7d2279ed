import { matches } from '@ringside/period';
import { loadLocale } from '@ringside/core';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { within } from 'shadow-dom-testing-library';
import type { RsPeriodWizard } from '../src/period-wizard/period-wizard.component.js';
import type { RsProvider } from '../src/provider/provider.component.js';
import { captureWarnings, visibleText } from './helpers.js';
import '../src/define.js';

interface Setup {
  wizard: RsPeriodWizard;
  screen: ReturnType<typeof within>;
  /** Every `change` and `input` event the wizard fired, with the value it had then. */
  events: { type: string; value: string; detail: unknown; bubbles: boolean; composed: boolean }[];
}

function record(wizard: RsPeriodWizard): Setup['events'] {
  const events: Setup['events'] = [];
  for (const type of ['change', 'input']) {
    wizard.addEventListener(type, (event) =>
      events.push({ type, value: wizard.value, detail: (event as CustomEvent).detail, bubbles: event.bubbles, composed: event.composed }),
    );
  }
  return events;
}

/** A wizard inside <rs-provider> (no adapter: it needs none), as a host page would have it. */
async function renderWizard(template = html`<rs-period-wizard></rs-period-wizard>`, locale = 'en'): Promise<Setup> {
  await loadLocale(locale);
  const provider = await fixture<RsProvider>(html`<rs-provider locale=${locale}>${template}</rs-provider>`);
  const wizard = provider.querySelector('rs-period-wizard')!;
  await wizard.updateComplete;
  return { wizard, screen: within(wizard), events: record(wizard) };
}

/** Sets a native time input as a user does, with the events the browser fires. */
async function setTime(input: HTMLElement, value: string): Promise<void> {
  const element = input as HTMLInputElement;
  element.focus();
  element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
}

async function settle(wizard: RsPeriodWizard): Promise<void> {
  await wizard.updateComplete;
  await wizard.updateComplete;
}

/** Local times in the week of Monday 23 November 2026. */
const at = (day: 'sun' | 'mon' | 'fri' | 'sat', hour: number, minute = 0) =>
  new Date(2026, 10, { sun: 22, mon: 23, fri: 27, sat: 28 }[day], hour, minute);

const isChecked = (element: HTMLElement) => (element as HTMLInputElement).checked;

/** Fills the editor and presses "Include this period". */
async function include(
  setup: Setup,
  { start, end, weekdays = [], months = false }: { start?: string; end?: string; weekdays?: string[]; months?: boolean },
): Promise<void> {
  const { wizard, screen } = setup;
  if (start !== undefined) await setTime(screen.getByShadowLabelText('Start time'), start);
  if (end !== undefined) await setTime(screen.getByShadowLabelText('End time'), end);
  for (const name of weekdays) screen.getByShadowRole('checkbox', { name }).click();
  if (months) screen.getByShadowRole('button', { name: 'Select all months' }).click();
  await settle(wizard);
  screen.getByShadowRole('button', { name: 'Include this period' }).click();
  await settle(wizard);
}

const WORKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

describe('<rs-period-wizard>', () => {
  describe('building a schedule', () => {
    it('renders a new (empty) value as "Always", needs no backend, and passes axe', async () => {
      let setup!: Setup;
      const warnings = await captureWarnings(async () => {
        setup = await renderWizard();
        await new Promise((resolve) => setTimeout(resolve, 50));
      });
      const { wizard, screen } = setup;
      expect(wizard.value).to.equal('');
      expect(isChecked(screen.getByShadowRole('radio', { name: 'Always' }))).to.equal(true);
      expect(visibleText(wizard)).to.include('In words Always');
      expect(visibleText(wizard)).not.to.include('Not connected');
      expect(warnings.join('\n')).not.to.include('no adapter');
      expect(wizard.checkValidity()).to.equal(true);
      await expect(wizard).shadowDom.to.be.accessible();
    });

    it('creates Mon–Fri 09:00–17:00 with keyboard and clicks, and fires change', async () => {
      const { wizard, screen, events } = await renderWizard();
      screen.getByShadowRole('radio', { name: 'Only at these times' }).click();
      await settle(wizard);
      expect(wizard.value).to.equal('none');
      await setTime(screen.getByShadowLabelText('Start time'), '09:00');
      await setTime(screen.getByShadowLabelText('End time'), '17:00');
      // Monday, then Tuesday to Friday by keyboard: Tab to the next box, Space to check it.
      screen.getByShadowRole('checkbox', { name: 'Monday' }).focus();
      await sendKeys({ press: 'Space' });
      for (let day = 0; day < 4; day++) await sendKeys({ press: 'Tab' }).then(() => sendKeys({ press: 'Space' }));
      await settle(wizard);
      for (const name of WORKDAYS) expect(isChecked(screen.getByShadowRole('checkbox', { name })), name).to.equal(true);
      expect(isChecked(screen.getByShadowRole('checkbox', { name: 'Saturday' }))).to.equal(false);
      expect(wizard.value, 'nothing is committed before "Include"').to.equal('none');
      screen.getByShadowRole('button', { name: 'Include this period' }).focus();
      await sendKeys({ press: 'Enter' });
      await settle(wizard);
      expect(wizard.value).to.equal('wd {mo-fr} hr {9-16}');
      expect(matches(wizard.value, at('mon', 9))).to.equal(true);
      expect(matches(wizard.value, at('fri', 16, 59))).to.equal(true);
      expect(matches(wizard.value, at('mon', 17))).to.equal(false);
      expect(matches(wizard.value, at('sun', 10))).to.equal(false);
      const changes = events.filter((event) => event.type === 'change');
      expect(changes.map((event) => event.value)).to.deep.equal(['none', 'wd {mo-fr} hr {9-16}']);
      expect(changes.at(-1)).to.deep.equal({
        type: 'change',
        value: 'wd {mo-fr} hr {9-16}',
        detail: { value: 'wd {mo-fr} hr {9-16}' },
        bubbles: true,
        composed: true,
      });
      expect(events.filter((event) => event.type === 'input'), 'time inputs and checkboxes are not the value').to.have.length(0);
      const list = screen.getByShadowRole('list', { name: 'Time periods' });
      expect(within(list).getAllByShadowRole('listitem')).to.have.length(1);
      expect(list.textContent).to.include('Mon–Fri');
      expect(screen.getByShadowText('wd {mo-fr} hr {9-16}').tagName).to.equal('CODE');
      expect(wizard.shadowRoot!.querySelector('#description')!.textContent).to.match(/^Mon–Fri, 9:00\sAM–5:00\sPM$/);
      // The editor is empty again for the next period, and "Period added" was announced.
      expect((screen.getByShadowLabelText('Start time') as HTMLInputElement).value).to.equal('');
      expect(screen.getByShadowRole('status').textContent).to.match(/^Period added: Mon–Fri/);
      await expect(wizard).shadowDom.to.be.accessible();
    });

    it('writes an overnight period (20:00 → 08:00) as ONE period, hr {20-7}', async () => {
      const setup = await renderWizard(html`<rs-period-wizard value="none"></rs-period-wizard>`);
      const { wizard, screen } = setup;
      await setTime(screen.getByShadowLabelText('Start time'), '20:00');
      await setTime(screen.getByShadowLabelText('End time'), '08:00');
      await settle(wizard);
      expect(visibleText(wizard)).to.include('Overnight, ends the next day');
      await include(setup, { weekdays: WORKDAYS, months: true });
      expect(wizard.value).to.equal('mo {jan-dec} wd {mo-fr} hr {20-7}');
      const items = screen.getAllByShadowRole('listitem');
      expect(items).to.have.length(1);
      expect(items[0]!.textContent).to.include('overnight, ends the next day');
      expect(matches(wizard.value, at('mon', 22))).to.equal(true);
      expect(matches(wizard.value, at('mon', 7, 59))).to.equal(true);
      expect(matches(wizard.value, at('mon', 8))).to.equal(false);
      expect(matches(wizard.value, at('sat', 2))).to.equal(false); // days are calendar days, as in the text
      await expect(wizard).shadowDom.to.be.accessible();
    });

    it('ORs two periods', async () => {
      const setup = await renderWizard(html`<rs-period-wizard value="none"></rs-period-wizard>`);
      await include(setup, { start: '09:00', end: '17:00', weekdays: WORKDAYS });
      await include(setup, { start: '10:00', end: '14:00', weekdays: ['Saturday'] });
      const { wizard, screen } = setup;
      expect(wizard.value).to.equal('wd {mo-fr} hr {9-16}, wd {sa} hr {10-13}');
      expect(matches(wizard.value, at('mon', 10))).to.equal(true);
      expect(matches(wizard.value, at('sat', 11))).to.equal(true);
      expect(matches(wizard.value, at('sat', 15))).to.equal(false);
      expect(screen.getAllByShadowRole('listitem')).to.have.length(2);
      expect(wizard.shadowRoot!.querySelector('#description')!.textContent).to.include(' or Sat');
    });

    it('says why it cannot include a period without limits, at the editor', async () => {
      const setup = await renderWizard(html`<rs-period-wizard value="none"></rs-period-wizard>`);
      await include(setup, {});
      const alert = setup.screen.getByShadowRole('alert');
      expect(alert.textContent).to.include('This period has no limits');
      expect(setup.wizard.value).to.equal('none');
      await expect(setup.wizard).shadowDom.to.be.accessible();
    });
  });

  describe('changing a schedule', () => {
    const TWO = 'hr{8-18} wd{mo-fri}, hr{4-6} wd{sa}';

    it('opens PortaOne’s text as two periods without reformatting it', async () => {
      const { wizard, screen } = await renderWizard(html`<rs-period-wizard value=${TWO}></rs-period-wizard>`);
      expect(wizard.value).to.equal(TWO);
      expect(screen.getAllByShadowRole('listitem').map((item) => item.querySelector('.row-text')!.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'Mon–Fri, 8:00 AM–7:00 PM',
        'Sat, 4:00 AM–7:00 AM',
      ]);
      expect(screen.getByShadowText(TWO).tagName).to.equal('CODE');
    });

    it('removes a period, fires change and moves focus to what is left', async () => {
      const { wizard, screen, events } = await renderWizard(html`<rs-period-wizard value=${TWO}></rs-period-wizard>`);
      screen.getByShadowRole('button', { name: /^Remove Sat/ }).click();
      await settle(wizard);
      expect(wizard.value).to.equal('wd {mo-fr} hr {8-18}');
      expect(events.map((event) => `${event.type}:${event.value}`)).to.deep.equal(['change:wd {mo-fr} hr {8-18}']);
      expect(screen.getAllByShadowRole('listitem')).to.have.length(1);
      expect(wizard.shadowRoot!.activeElement!.getAttribute('aria-label')).to.match(/^Remove Mon–Fri/);
      expect(screen.getByShadowRole('status').textContent).to.match(/^Period removed: Sat/);
      screen.getByShadowRole('button', { name: /^Remove Mon–Fri/ }).click();
      await settle(wizard);
      expect(wizard.value).to.equal('none');
      expect(visibleText(wizard)).to.include('No periods yet');
      expect(wizard.shadowRoot!.activeElement).to.equal(screen.getByShadowLabelText('Start time'));
    });

    it('edits a period in place', async () => {
      const { wizard, screen } = await renderWizard(html`<rs-period-wizard value=${TWO}></rs-period-wizard>`);
      screen.getByShadowRole('button', { name: /^Edit Mon–Fri/ }).click();
      await settle(wizard);
      const start = screen.getByShadowLabelText('Start time') as HTMLInputElement;
      expect(wizard.shadowRoot!.activeElement).to.equal(start);
      expect(start.value).to.equal('08:00');
      expect((screen.getByShadowLabelText('End time') as HTMLInputElement).value).to.equal('19:00');
      expect(screen.getByShadowRole('group', { name: 'Change period' })).to.exist;
      await setTime(screen.getByShadowLabelText('End time'), '17:30');
      screen.getByShadowRole('button', { name: 'Save period' }).click();
      await settle(wizard);
      expect(wizard.value).to.equal('wd {mo-fr} hr {8-16}, wd {mo-fr} hr {17} min {0-29}, wd {sa} hr {4-6}');
      expect(screen.getAllByShadowRole('listitem')).to.have.length(2);
      expect(screen.getAllByShadowRole('listitem')[0]!.textContent).to.match(/8:00\sAM–5:30\sPM/);
    });

    it('switches to Always (PortaOne’s word) and back to the periods it had', async () => {
      const { wizard, screen, events } = await renderWizard(html`<rs-period-wizard value="wd {mo-fr} hr {9-16}"></rs-period-wizard>`);
      screen.getByShadowRole('radio', { name: 'Always' }).click();
      await settle(wizard);
      expect(wizard.value).to.equal('Always');
      expect(screen.queryByShadowRole('list')).to.equal(null);
      expect(matches(wizard.value, at('sun', 3))).to.equal(true);
      screen.getByShadowRole('radio', { name: 'Only at these times' }).click();
      await settle(wizard);
      expect(wizard.value).to.equal('wd {mo-fr} hr {9-16}');
      expect(events.map((event) => `${event.type}:${event.value}`)).to.deep.equal(['change:Always', 'change:wd {mo-fr} hr {9-16}']);
      await expect(wizard).shadowDom.to.be.accessible();
    });

    it('keeps the host’s own spelling of always', async () => {
      const { wizard, screen } = await renderWizard(html`<rs-period-wizard value="always"></rs-period-wizard>`);
      expect(isChecked(screen.getByShadowRole('radio', { name: 'Always' }))).to.equal(true);
      screen.getByShadowRole('radio', { name: 'Only at these times' }).click();
      await settle(wizard);
      screen.getByShadowRole('radio', { name: 'Always' }).click();
      await settle(wizard);
      expect(wizard.value).to.equal('always');
    });

    it('follows a value set by the host, without firing change', async () => {
      const { wizard, screen, events } = await renderWizard();
      wizard.value = 'wd {sa su}';
      await settle(wizard);
      expect(screen.getAllByShadowRole('listitem')).to.have.length(1);
      expect(events).to.have.length(0);
      wizard.setAttribute('value', 'Always');
      await settle(wizard);
      expect(wizard.value).to.equal('Always');
    });
  });

  describe('text mode', () => {
    it('opens what the form cannot show (wk {1} wd {mo}) as text and keeps it exactly', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><rs-period-wizard name="schedule" value="wk {1}  wd {mo}"></rs-period-wizard></form>`);
      const wizard = form.querySelector('rs-period-wizard')!;
      await wizard.updateComplete;
      const screen = within(wizard);
      const field = screen.getByShadowRole('textbox', { name: 'Expression (Time::Period)' }) as HTMLTextAreaElement;
      expect(field.value).to.equal('wk {1}  wd {mo}');
      expect(field.getAttribute('aria-invalid')).to.equal('false');
      expect(screen.queryByShadowRole('radio')).to.equal(null);
      expect(screen.queryByShadowRole('button', { name: 'Back to the form' })).to.equal(null);
      expect(visibleText(wizard)).to.include('The form cannot show this expression');
      expect(visibleText(wizard)).to.include('Mon, week 1 of the month');
      expect(wizard.value).to.equal('wk {1}  wd {mo}');
      expect(new FormData(form).get('schedule')).to.equal('wk {1}  wd {mo}');
      expect(wizard.checkValidity()).to.equal(true);
      await expect(wizard).shadowDom.to.be.accessible();
    });

    it('switches any value to text and back without reformatting it', async () => {
      const { wizard, screen } = await renderWizard(html`<rs-period-wizard value="hr{8-18} wd{mo-fri}"></rs-period-wizard>`);
      screen.getByShadowRole('button', { name: 'Advanced: edit as expression' }).click();
      await settle(wizard);
      const field = screen.getByShadowRole('textbox', { name: 'Expression (Time::Period)' });
      expect(wizard.shadowRoot!.activeElement).to.equal(field);
      await expect(wizard).shadowDom.to.be.accessible();
      screen.getByShadowRole('button', { name: 'Back to the form' }).click();
      await settle(wizard);
      expect(wizard.value).to.equal('hr{8-18} wd{mo-fri}');
      expect(screen.getAllByShadowRole('listitem')).to.have.length(1);
    });

    it('validates typed text live, with the translated message at the field, and fires input and change', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><rs-period-wizard name="schedule" value="wd {mo}"></rs-period-wizard></form>`);
      let submitted = 0;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        submitted++;
      });
      const wizard = form.querySelector('rs-period-wizard')!;
      await wizard.updateComplete;
      const events = record(wizard);
      const screen = within(wizard);
      screen.getByShadowRole('button', { name: 'Advanced: edit as expression' }).click();
      await settle(wizard);
      await sendKeys({ press: 'End' });
      await sendKeys({ type: ' hr {9-17:30}' });
      await settle(wizard);
      const field = screen.getByShadowRole('textbox', { name: 'Expression (Time::Period)' });
      expect(wizard.value, 'the text is the value, even when it is invalid').to.equal('wd {mo} hr {9-17:30}');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      const message = '“17:30” is not a valid value for hour (hr).';
      const describedBy = field.getAttribute('aria-describedby')!.split(' ').map((id) => wizard.shadowRoot!.getElementById(id)!.textContent);
      expect(describedBy[0]).to.equal(message);
      expect(events.filter((event) => event.type === 'input').length).to.equal(' hr {9-17:30}'.length);
      expect(events.every((event) => event.bubbles && event.composed)).to.equal(true);
      expect(wizard.validity.badInput).to.equal(true);
      expect(wizard.validationMessage).to.equal(message);
      expect(form.checkValidity()).to.equal(false);
      form.requestSubmit();
      expect(submitted, 'an invalid schedule is not submitted').to.equal(0);
      expect(wizard.shadowRoot!.activeElement, 'the browser points at the expression').to.equal(field);
      expect(screen.queryByShadowRole('button', { name: 'Back to the form' })).to.equal(null);
      await expect(wizard).shadowDom.to.be.accessible();
      // Fixing it: valid again, change on leaving the field, and the form submits.
      await sendKeys({ press: 'Backspace' });
      for (let i = 0; i < 5; i++) await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: '16}' });
      await settle(wizard);
      expect(wizard.value).to.equal('wd {mo} hr {9-16}');
      expect(field.getAttribute('aria-invalid')).to.equal('false');
      field.blur();
      expect(events.filter((event) => event.type === 'change').map((event) => event.value)).to.deep.equal(['wd {mo} hr {9-16}']);
      form.requestSubmit();
      expect(submitted).to.equal(1);
      expect(new FormData(form).get('schedule')).to.equal('wd {mo} hr {9-16}');
    });

    it('shows the parse error in German for a German page', async () => {
      const { wizard, screen } = await renderWizard(html`<rs-period-wizard value="wd {xy}"></rs-period-wizard>`, 'de');
      const field = await screen.findByShadowRole('textbox', { name: 'Ausdruck (Time::Period)' });
      await waitUntil(() => visibleText(wizard).includes('„xy“ ist kein gültiger Wert für Wochentag (wd).'));
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(wizard.validationMessage).to.equal('„xy“ ist kein gültiger Wert für Wochentag (wd).');
    });
  });

  describe('as a form control', () => {
    async function renderForm(wizardTemplate = html`<rs-period-wizard name="schedule" value="wd {mo-fr} hr {9-16}"></rs-period-wizard>`) {
      const form = await fixture<HTMLFormElement>(html`<form><label for="w">Ring schedule</label>${wizardTemplate}<button>Save</button></form>`);
      const wizard = form.querySelector('rs-period-wizard')!;
      await wizard.updateComplete;
      return { form, wizard, screen: within(wizard) };
    }

    it('submits its value under its name, and reset restores the value attribute', async () => {
      const { form, wizard, screen } = await renderForm();
      expect(new FormData(form).get('schedule')).to.equal('wd {mo-fr} hr {9-16}');
      expect(wizard.form).to.equal(form);
      screen.getByShadowRole('radio', { name: 'Always' }).click();
      await settle(wizard);
      expect(new FormData(form).get('schedule')).to.equal('Always');
      form.reset();
      await settle(wizard);
      expect(wizard.value).to.equal('wd {mo-fr} hr {9-16}');
      expect(isChecked(screen.getByShadowRole('radio', { name: 'Only at these times' }))).to.equal(true);
      expect(new FormData(form).get('schedule')).to.equal('wd {mo-fr} hr {9-16}');
    });

    it('reset also leaves text mode and an unfinished edit', async () => {
      const { form, wizard, screen } = await renderForm();
      screen.getByShadowRole('button', { name: 'Advanced: edit as expression' }).click();
      await settle(wizard);
      await sendKeys({ type: 'xx' });
      await settle(wizard);
      expect(wizard.checkValidity()).to.equal(false);
      form.reset();
      await settle(wizard);
      expect(wizard.value).to.equal('wd {mo-fr} hr {9-16}');
      expect(screen.queryByShadowRole('textbox')).to.equal(null);
      expect(wizard.checkValidity()).to.equal(true);
    });

    it('is labelled by the page’s <label>, which focuses it', async () => {
      const { form, wizard } = await renderForm(html`<rs-period-wizard id="w" name="schedule"></rs-period-wizard>`);
      expect([...wizard.labels].map((label) => label.textContent)).to.deep.equal(['Ring schedule']);
      form.querySelector('label')!.click();
      expect(document.activeElement).to.equal(wizard);
      expect(wizard.shadowRoot!.activeElement).to.equal(within(wizard).getByShadowRole('radio', { name: 'Always' }));
    });

    it('required: an empty value selects no choice and blocks submission until one is made', async () => {
      const { form, wizard, screen } = await renderForm(html`<rs-period-wizard name="schedule" required></rs-period-wizard>`);
      expect(isChecked(screen.getByShadowRole('radio', { name: 'Always' }))).to.equal(false);
      expect(isChecked(screen.getByShadowRole('radio', { name: 'Only at these times' }))).to.equal(false);
      expect(wizard.validity.valueMissing).to.equal(true);
      expect(form.checkValidity()).to.equal(false);
      await settle(wizard);
      expect(visibleText(wizard)).to.include('Choose “Always”, or add at least one period.');
      await expect(wizard).shadowDom.to.be.accessible();
      screen.getByShadowRole('radio', { name: 'Only at these times' }).click();
      await settle(wizard);
      expect(wizard.value).to.equal('none');
      expect(wizard.validity.valueMissing, 'never is no schedule either').to.equal(true);
      screen.getByShadowRole('radio', { name: 'Always' }).click();
      await settle(wizard);
      expect(wizard.value).to.equal('Always');
      expect(form.checkValidity()).to.equal(true);
    });

    it('disabled: not submitted, nothing to change; a disabled fieldset disables it too', async () => {
      const { form, wizard, screen } = await renderForm(html`<rs-period-wizard name="schedule" value="wd {mo}" disabled></rs-period-wizard>`);
      expect(new FormData(form).has('schedule')).to.equal(false);
      expect(screen.queryAllByShadowRole('button')).to.have.length(0);
      expect(visibleText(wizard)).to.include('In words Mon');
      await expect(wizard).shadowDom.to.be.accessible();
      wizard.disabled = false;
      const fieldset = document.createElement('fieldset');
      form.append(fieldset);
      fieldset.append(wizard);
      fieldset.disabled = true;
      await settle(wizard);
      expect(new FormData(form).has('schedule')).to.equal(false);
      expect(screen.queryAllByShadowRole('button')).to.have.length(0);
      fieldset.disabled = false;
      await settle(wizard);
      expect(screen.getAllByShadowRole('button').length).to.be.greaterThan(0);
      expect(new FormData(form).get('schedule')).to.equal('wd {mo}');
    });

    it('readonly: submitted and shown, not editable, not validated', async () => {
      const { form, wizard, screen } = await renderForm(html`<rs-period-wizard name="schedule" readonly required value="none"></rs-period-wizard>`);
      expect(new FormData(form).get('schedule')).to.equal('none');
      expect(screen.queryAllByShadowRole('button')).to.have.length(0);
      expect(screen.queryAllByShadowRole('radio')).to.have.length(0);
      expect(wizard.willValidate).to.equal(false);
      expect(form.checkValidity()).to.equal(true);
      expect(visibleText(wizard)).to.include('View only');
      await expect(wizard).shadowDom.to.be.accessible();
    });

    it('restores a saved state (back/forward cache, autocomplete)', async () => {
      const { wizard, screen } = await renderForm();
      wizard.formStateRestoreCallback('wk {2} wd {tu}');
      await settle(wizard);
      expect(wizard.value).to.equal('wk {2} wd {tu}');
      expect(screen.getByShadowRole('textbox')).to.exist;
    });

    it('takes a host’s own error with setCustomValidity', async () => {
      const { form, wizard } = await renderForm();
      wizard.setCustomValidity('Overlaps another number’s schedule.');
      expect(wizard.validity.customError).to.equal(true);
      expect(form.checkValidity()).to.equal(false);
      wizard.setCustomValidity('');
      expect(form.checkValidity()).to.equal(true);
    });
  });

  describe('languages', () => {
    it('renders Arabic right to left, with the week as the locale starts it, and passes axe', async () => {
      const { wizard, screen } = await renderWizard(html`<rs-period-wizard value="wd {mo-fr} hr {20-7}"></rs-period-wizard>`, 'ar');
      await screen.findByShadowRole('radio', { name: 'فقط في هذه الأوقات' });
      expect(wizard.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(wizard).direction).to.equal('rtl');
      const days = screen.getAllByShadowRole('checkbox').slice(0, 7).map((box) => box.closest('label')!.textContent!.trim());
      expect(days[0]).to.equal('السبت');
      expect(screen.getByShadowText('wd {mo-fr} hr {20-7}').getAttribute('dir')).to.equal('ltr');
      expect(screen.getAllByShadowRole('listitem')[0]!.textContent).to.include('ليلية، تنتهي في اليوم التالي');
      await expect(wizard).shadowDom.to.be.accessible();
    });

    it('describes periods in German with a 24-hour clock and German names', async () => {
      const { wizard, screen } = await renderWizard(html`<rs-period-wizard value="wd {mo-fr} hr {8-17}, wd {sa} hr {9-12}"></rs-period-wizard>`, 'de');
      await screen.findByShadowRole('radio', { name: 'Nur zu diesen Zeiten' });
      expect(wizard.shadowRoot!.querySelector('#description')!.textContent).to.equal('Mo–Fr, 08:00–18:00 oder Sa, 09:00–13:00');
      expect(screen.getByShadowRole('checkbox', { name: 'Montag' })).to.exist;
      expect(screen.getByShadowRole('button', { name: 'Mo–Fr, 08:00–18:00 bearbeiten' })).to.exist;
      await expect(wizard).shadowDom.to.be.accessible();
    });

    for (const locale of ['en', 'ar']) {
      it(`fits a narrow column without overflowing (${locale}), day grid open`, async () => {
        const { wizard, screen } = await renderWizard(html`<rs-period-wizard style="inline-size: 17rem" value="md {1 15} hr {9-16}"></rs-period-wizard>`, locale);
        (await screen.findAllByShadowRole('button'))[0]!.click(); // Edit: opens the editor with the day grid
        await settle(wizard);
        expect(wizard.shadowRoot!.querySelector('details')!.open).to.equal(true);
        const base = wizard.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
        expect(base.scrollWidth).to.be.at.most(base.clientWidth);
        expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
      });
    }

    it('forces a clock with hour-cycle', async () => {
      const { wizard } = await renderWizard(html`<rs-period-wizard value="wd {mo-fr} hr {9-16}" hour-cycle="h23"></rs-period-wizard>`);
      expect(wizard.shadowRoot!.querySelector('#description')!.textContent).to.equal('Mon–Fri, 09:00–17:00');
    });
  });

  it('keeps the inner controls’ input events inside: only the value’s own events leave', async () => {
    const { wizard, screen, events } = await renderWizard(html`<rs-period-wizard value="none"></rs-period-wizard>`);
    const outside: string[] = [];
    const listener = (event: Event) => outside.push(event.composedPath()[0] === wizard ? 'wizard' : 'inner');
    document.body.addEventListener('input', listener);
    try {
      await setTime(screen.getByShadowLabelText('Start time'), '09:30'); // a composed input event, as the browser fires it
      screen.getByShadowRole('checkbox', { name: 'Monday' }).click();
      await settle(wizard);
    } finally {
      document.body.removeEventListener('input', listener);
    }
    expect(events).to.have.length(0);
    expect(outside).to.deep.equal([]);
    expect(wizard.value).to.equal('none');
  });
});
