import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '@ringside/adapter-memory';
import type { RingsideAdapter, StoreOptions } from '@ringside/core';
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { within } from 'shadow-dom-testing-library';
import type { RsBalanceCard } from '../src/balance-card/balance-card.component.js';
import type { RsProvider } from '../src/provider/provider.component.js';
import '../src/define.js';

export interface CardSetup {
  provider: RsProvider;
  card: RsBalanceCard;
  /** Role and label queries inside the card's shadow root, as a user finds things. */
  screen: ReturnType<typeof within>;
}

export interface RenderOptions {
  adapter?: RingsideAdapter | null;
  locale?: string;
  theme?: 'light' | 'dark';
  store?: StoreOptions;
}

/** Fast, single-attempt store settings so failures show at once in tests. */
export const QUICK_STORE: StoreOptions = { retry: { retries: 0 }, timeout: 2000 };

export function memory(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return createMemoryAdapter({ now: new Date(), ...options });
}

export interface WidgetSetup<T extends HTMLElement> {
  provider: RsProvider;
  element: T;
  /** Role and label queries inside the widget's shadow root, as a user finds things. */
  screen: ReturnType<typeof within>;
}

/**
 * Renders `template` inside an `<rs-provider>` (memory adapter unless `options.adapter` says
 * otherwise; `null` for none) and answers the first `selector` element in it, updated.
 */
export async function renderWidget<T extends HTMLElement & { updateComplete: Promise<boolean> }>(
  selector: string,
  template: TemplateResult,
  options: RenderOptions = {},
): Promise<WidgetSetup<T>> {
  const adapter = options.adapter === undefined ? memory() : options.adapter;
  const provider = await fixture<RsProvider>(html`<rs-provider
    .adapter=${adapter}
    .storeOptions=${options.store ?? QUICK_STORE}
    locale=${options.locale ?? 'en'}
    theme=${options.theme ?? 'light'}
    >${template}</rs-provider
  >`);
  const element = provider.querySelector<T>(selector)!;
  await element.updateComplete;
  return { provider, element, screen: within(element) };
}

export async function renderCard(options: RenderOptions = {}, card = html`<rs-balance-card></rs-balance-card>`): Promise<CardSetup> {
  const { provider, element, screen } = await renderWidget<RsBalanceCard>('rs-balance-card', card, options);
  return { provider, card: element, screen };
}

/** The text a user sees in the card, with white space collapsed. */
export function visibleText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Captures console.warn calls while `run` executes. */
export async function captureWarnings(run: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return warnings;
}
