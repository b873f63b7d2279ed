import type {
  Attachment,
  AutoPaySettings,
  BalanceSummary,
  Capabilities,
  ChargeEntry,
  Domain,
  Extension,
  ExtensionSettings,
  HuntGroup,
  PaymentResult,
  PaymentSettings,
  PhoneLine,
  PickupSettings,
  SavedPaymentMethod,
  Schedule,
  Ticket,
  TicketMessage,
  TicketSettings,
  VoucherResult,
} from '@ringside/core';
import type { IdempotencyRecord, VoucherRecord } from './rules/index.js';

/** Capabilities to change, per domain: only the properties given are replaced. */
export type CapabilityOverrides = { [D in Domain]?: Partial<Capabilities[D]> };

export interface PaymentsData {
  settings: PaymentSettings;
  methods: SavedPaymentMethod[];
  autoPay: AutoPaySettings;
  vouchers: VoucherRecord[];
  /** Every payment attempt, oldest first. */
  history: PaymentResult[];
  /** Idempotency keys seen: payments remember the payment id, vouchers their answer. */
  idempotency: {
    payments: Record<string, IdempotencyRecord<string>>;
    vouchers: Record<string, IdempotencyRecord<VoucherResult>>;
  };
}

export interface TicketsData {
  settings: TicketSettings;
  tickets: Ticket[];
  /** Each ticket's conversation, oldest first. */
  messages: Record<string, TicketMessage[]>;
  /** Uploaded attachments that no message carries yet. */
  uploads: Attachment[];
  /** How the customer appears as requestor and message author. */
  requestor: string;
}

/** One customer's whole backend state. The adapter changes it in place; tests and stories may too. */
export interface CustomerData {
  id: string;
  name: string;
  /** What this customer's account offers; the adapter's `capabilities` option goes on top. */
  capabilities?: CapabilityOverrides;
  balance: BalanceSummary | null;
  /** Daily charges; the newest day is "today" of the dataset. */
  charges: ChargeEntry[];
  extensionSettings: ExtensionSettings;
  phoneLines: PhoneLine[];
  extensions: Extension[];
  huntGroups: HuntGroup[];
  pickup: PickupSettings;
  schedules: Schedule[];
  payments: PaymentsData;
  tickets: TicketsData;
}
