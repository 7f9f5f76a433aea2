/**
 * The whole domain of the application, in one Drizzle schema.
 *
 * Money is integer cents (bigint where it is summed over many rows). Rates finer than a cent
 * (per km, per waiting minute) are `numeric(10,4)` read as strings and never as floats.
 * Every rule that protects money or the grouping of clients is also a constraint here, so
 * that no code path can break it.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['admin', 'billing', 'dispatcher', 'portal']);
export const localeEnum = pgEnum('locale', ['fr', 'en']);
export const deliveryMethodEnum = pgEnum('delivery_method', ['print', 'email', 'both']);
export const billingCycleEnum = pgEnum('billing_cycle', ['weekly', 'monthly']);
export const billingCycleFilterEnum = pgEnum('billing_cycle_filter', ['weekly', 'monthly', 'all']);
export const callStatusEnum = pgEnum('call_status', ['open', 'dispatched', 'completed', 'cancelled']);
export const serviceTypeEnum = pgEnum('service_type', ['standard', 'express', 'taxi']);
export const billingKindEnum = pgEnum('billing_kind', ['normal', 'grouped']);
export const billingRunStatusEnum = pgEnum('billing_run_status', ['completed', 'reversed']);
export const invoiceStatusEnum = pgEnum('invoice_status', ['issued', 'void']);
export const deliveryChannelEnum = pgEnum('delivery_channel', ['print', 'email']);
export const deliveryStatusEnum = pgEnum('delivery_status', ['pending', 'sent', 'failed']);
export const documentKindEnum = pgEnum('document_kind', ['invoice', 'credit_note', 'payment']);
export const paymentMethodEnum = pgEnum('payment_method', ['cheque', 'transfer', 'card', 'cash', 'other']);
/** pending: entered in a deposit batch not posted yet (outside the ledger); posted; reversed (cheque returned). */
export const paymentStatusEnum = pgEnum('payment_status', ['pending', 'posted', 'reversed']);
export const depositBatchStatusEnum = pgEnum('deposit_batch_status', ['open', 'posted']);
/** What a held account's call taking does (docs/business-rules.md, Credit hold). */
export const creditPolicyEnum = pgEnum('credit_policy', ['none', 'warn', 'block']);
/**
 * How a passenger trip's price was set, as Revenu Québec prescribes the trip's description
 * (QST Regulation s. 350.62R5): `Tarif taxi.`, `Tarif odo.`, `Tarif fixe r.`, `Tarif fixe c.`,
 * `Tarif horaire`, `Tr. adapté`, `Tr. collectif`, `Tarif app.` (docs/business-rules.md).
 */
export const billingTypeEnum = pgEnum('billing_type', [
  'taxi',
  'odometer',
  'fixed_regular',
  'fixed_contract',
  'hourly',
  'adapted',
  'collective',
  'app',
]);
/** Why a billed client pays no dues (Act respecting remunerated passenger transportation by automobile). */
export const duesExemptionEnum = pgEnum('dues_exemption', ['municipal_contract', 'transit_contract', 'act']);
/** A call contested from the client portal: waiting for the billing clerk's answer, or answered. */
export const contestStatusEnum = pgEnum('contest_status', ['open', 'accepted', 'refused']);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

const POSTAL_CODE = `'^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$'`;

// ---------------------------------------------------------------- people and sign-in

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: roleEnum('role').notNull(),
    locale: localeEnum('locale').notNull().default('fr'),
    isActive: boolean('is_active').notNull().default(true),
    /**
     * The version of the user's sessions: each session carries the one it was opened with and is
     * refused once it differs. Raised by the database when the password changes or the user is
     * deactivated (db/migrations/0021), which ends every session opened before.
     */
    sessionVersion: integer('session_version').notNull().default(1),
    /**
     * A portal user's account (docs/business-rules.md, Client portal): the billed client whose
     * invoices, statements and calls it sees (a head: its group's). Empty for staff.
     */
    portalClientNumber: integer('portal_client_number').references((): AnyPgColumn => clients.number),
    ...timestamps,
  },
  (t) => [
    check('users_email_lowercase', sql`${t.email} = lower(${t.email}) and ${t.email} like '%_@_%'`),
    check('users_name_present', sql`length(trim(${t.name})) > 0`),
    // Compared as text: a value added to an enum cannot be named in the migration that adds it.
    check('users_portal_has_account', sql`(${t.role}::text = 'portal') = (${t.portalClientNumber} is not null)`),
    index('users_portal_client').on(t.portalClientNumber),
  ],
);

/**
 * An invitation of a portal user to choose a password: its link is `<id>.<signature>`, the
 * signature an HMAC of the id and `nonce` under the application's secret (lib/portal/invitations.ts),
 * so that the database holds nothing that opens an account. Used once; expires.
 */
export const portalInvitations = pgTable(
  'portal_invitations',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    nonce: text('nonce').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** Replaced by a newer invitation (resent), or its user revoked. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Its e-mail was sent (the delivery's record of it, as an invoice's). */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('portal_invitations_user').on(t.userId)],
);

/** Every sign-in attempt, kept in the database so the rate limit holds across instances. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    isSuccess: boolean('is_success').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_email_at').on(t.email, t.attemptedAt)],
);

/** What a token of the dispatch API may do: read clients and calls, or also write calls. */
export const apiScopeEnum = pgEnum('api_scope', ['read', 'write']);

/**
 * Tokens of the dispatch API (/api/v1), created and revoked by an administrator. The secret is
 * shown once and kept only as its SHA-256; the prefix tells tokens apart in the list.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull().unique(),
    scope: apiScopeEnum('scope').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: integer('revoked_by').references(() => users.id),
  },
  (t) => [
    check('api_tokens_name_present', sql`length(trim(${t.name})) between 1 and 100`),
    check('api_tokens_revoked_by', sql`(${t.revokedAt} is null) = (${t.revokedBy} is null)`),
  ],
);

/** Requests of each token per minute, counted in the database so that the limit holds across instances. */
export const apiRequestCounts = pgTable(
  'api_request_counts',
  {
    tokenId: integer('token_id')
      .notNull()
      .references(() => apiTokens.id, { onDelete: 'cascade' }),
    minute: timestamp('minute', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.minute] })],
);

// ---------------------------------------------------------------- accounting export

/**
 * One row: the accounts of the company's books that the accounting export writes to
 * (docs/business-rules.md, Accounting export), set by an administrator.
 */
export const accountingSettings = pgTable(
  'accounting_settings',
  {
    id: integer('id').primaryKey().default(1),
    receivablesAccount: text('receivables_account').notNull().default('1200'),
    salesAccount: text('sales_account').notNull().default('4020'),
    gstAccount: text('gst_account').notNull().default('2310'),
    qstAccount: text('qst_account').notNull().default('2330'),
    /** The dues (redevance) collected on passenger trips, owed to Revenu Québec. */
    duesAccount: text('dues_account').notNull().default('2360'),
    bankAccount: text('bank_account').notNull().default('1060'),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('accounting_settings_single_row', sql`${t.id} = 1`),
    // An account number or name as the books know it (QuickBooks imports by name): plain text,
    // one line, no surrounding spaces, no double quote (the layouts quote with it).
    check(
      'accounting_settings_accounts',
      sql.join(
        [t.receivablesAccount, t.salesAccount, t.gstAccount, t.qstAccount, t.duesAccount, t.bankAccount].map(
          (account) => sql`(${account} = trim(${account}) and length(${account}) between 1 and 100 and ${account} !~ '[[:cntrl:]"]')`,
        ),
        sql` and `,
      ),
    ),
  ],
);

/** An export of a period's documents to the books: what it holds is in accountingExportedDocuments. */
export const accountingExports = pgTable(
  'accounting_exports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** Documents exported before were taken again, on purpose. */
    isReexport: boolean('is_reexport').notNull().default(false),
    documentCount: integer('document_count').notNull(),
    /** The account mapping the export was written with: its files read the same ever after. */
    accounts: jsonb('accounts').$type<Record<string, string>>().notNull(),
    debitCents: bigint('debit_cents', { mode: 'number' }).notNull(),
    creditCents: bigint('credit_cents', { mode: 'number' }).notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('accounting_exports_period', sql`${t.periodFrom} <= ${t.periodTo}`),
    check('accounting_exports_balanced', sql`${t.debitCents} = ${t.creditCents}`),
  ],
);

export const accountingDocumentKindEnum = pgEnum('accounting_document_kind', [
  'invoice',
  'invoice_void',
  'credit_note',
  'payment',
  'payment_reversal',
]);

/** Each document of an export; a document not in any export has not been exported yet. */
export const accountingExportedDocuments = pgTable(
  'accounting_exported_documents',
  {
    exportId: bigint('export_id', { mode: 'number' })
      .notNull()
      .references(() => accountingExports.id),
    kind: accountingDocumentKindEnum('kind').notNull(),
    /** The invoice's, credit note's or payment's id. */
    documentId: bigint('document_id', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.exportId, t.kind, t.documentId] }),
    index('accounting_exported_documents_document').on(t.kind, t.documentId),
  ],
);

// ---------------------------------------------------------------- company

/** One row: the company that issues the invoices (printed in every invoice header). */
export const companySettings = pgTable(
  'company_settings',
  {
    id: smallint('id').primaryKey().default(1),
    name: text('name').notNull(),
    addressLine1: text('address_line1').notNull(),
    addressLine2: text('address_line2'),
    city: text('city').notNull(),
    province: text('province').notNull().default('QC'),
    postalCode: text('postal_code').notNull(),
    phone: text('phone'),
    email: text('email'),
    gstNumber: text('gst_number').notNull(),
    qstNumber: text('qst_number').notNull(),
    logoPng: text('logo_png_base64'),
    /** A call priced above this many times its client's median for its tariff waits in the review before billing. */
    reviewPriceFactor: smallint('review_price_factor').notNull().default(3),
    /** A call contested from the client portal is announced by e-mail to the company's address (`email`). */
    isContestNoticeEmailed: boolean('is_contest_notice_emailed').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('company_settings_single_row', sql`${t.id} = 1`),
    check('company_settings_review_price_factor', sql`${t.reviewPriceFactor} between 2 and 50`),
    check('company_settings_postal_code', sql`${t.postalCode} ~ ${sql.raw(POSTAL_CODE)}`),
  ],
);

/**
 * Gapless numbering of issued documents. The generating transaction increments the row
 * (`UPDATE … RETURNING`), which locks it until commit: a rolled-back run burns no number.
 */
export const documentCounters = pgTable(
  'document_counters',
  {
    kind: documentKindEnum('kind').primaryKey(),
    lastNumber: bigint('last_number', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('document_counters_non_negative', sql`${t.lastNumber} >= 0`)],
);

// ---------------------------------------------------------------- pricing

export const tariffs = pgTable(
  'tariffs',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    baseCents: integer('base_cents').notNull(),
    perKm: numeric('per_km', { precision: 10, scale: 4 }).notNull(),
    perMinute: numeric('per_minute', { precision: 10, scale: 4 }).notNull(),
    minimumChargeCents: integer('minimum_charge_cents').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    /** Transport de personnes: its calls are passenger trips, which carry dues (courier tariffs do not). */
    isPassenger: boolean('is_passenger').notNull().default(false),
    /** Passenger trips exempt from dues (e.g. paratransit under a transit authority's contract). */
    isDuesExempt: boolean('is_dues_exempt').notNull().default(false),
    /** The billing type its calls take unless the call says otherwise. */
    defaultBillingType: billingTypeEnum('default_billing_type'),
    ...timestamps,
  },
  (t) => [
    check('tariffs_dues_exempt_passenger', sql`not ${t.isDuesExempt} or ${t.isPassenger}`),
    check('tariffs_code_format', sql`${t.code} ~ '^[A-Z0-9][A-Z0-9_-]{0,15}$'`),
    check('tariffs_name_present', sql`length(trim(${t.name})) > 0`),
    check('tariffs_base_non_negative', sql`${t.baseCents} >= 0`),
    check('tariffs_per_km_non_negative', sql`${t.perKm} >= 0`),
    check('tariffs_per_minute_non_negative', sql`${t.perMinute} >= 0`),
    check('tariffs_minimum_non_negative', sql`${t.minimumChargeCents} >= 0`),
  ],
);

/**
 * Redevance par course: the dues on a passenger trip, from `effective_from` (by the trip's
 * service date) until the next rate; a rate of 0 ends them (docs/business-rules.md, Dues).
 */
export const duesRates = pgTable(
  'dues_rates',
  {
    effectiveFrom: date('effective_from', { mode: 'string' }).primaryKey(),
    rateCents: integer('rate_cents').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [check('dues_rates_rate', sql`${t.rateCents} between 0 and 10000`)],
);

/**
 * The company's list of municipalities, which passenger trips are taken from and to. Typed text
 * is matched by its folded form (case, accents, punctuation and spaces); a variant merged into
 * another points to it, and the reports count it as the other.
 */
export const municipalities = pgTable(
  'municipalities',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    nameFolded: text('name_folded').notNull().unique(),
    mergedIntoId: integer('merged_into_id'),
    ...timestamps,
  },
  (t) => [
    check('municipalities_name_present', sql`length(trim(${t.name})) between 1 and 100`),
    check('municipalities_not_merged_into_itself', sql`${t.mergedIntoId} is distinct from ${t.id}`),
    foreignKey({ columns: [t.mergedIntoId], foreignColumns: [t.id], name: 'municipalities_merged_into' }),
  ],
);

// ---------------------------------------------------------------- clients

export const clients = pgTable(
  'clients',
  {
    number: integer('number').primaryKey(),
    name: text('name').notNull(),
    contactName: text('contact_name'),
    phone: text('phone'),
    addressLine1: text('address_line1').notNull(),
    addressLine2: text('address_line2'),
    city: text('city').notNull(),
    province: text('province').notNull().default('QC'),
    postalCode: text('postal_code').notNull(),
    invoiceEmails: text('invoice_emails')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    language: localeEnum('language').notNull().default('fr'),
    deliveryMethod: deliveryMethodEnum('delivery_method').notNull().default('print'),
    paymentTermsDays: integer('payment_terms_days').notNull().default(30),
    billingCycle: billingCycleEnum('billing_cycle').notNull().default('monthly'),
    gstExempt: boolean('gst_exempt').notNull().default(false),
    gstExemptionNumber: text('gst_exemption_number'),
    qstExempt: boolean('qst_exempt').notNull().default(false),
    qstExemptionNumber: text('qst_exemption_number'),
    tariffId: integer('tariff_id')
      .notNull()
      .references(() => tariffs.id),
    discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }).notNull().default('0'),
    /**
     * No. client regroupé. Empty: billed on its own. Its own number: a grouped account (head).
     * Another number: a member of that head's group.
     */
    groupedClientNumber: integer('grouped_client_number'),
    isActive: boolean('is_active').notNull().default(true),
    notes: text('notes'),
    // Credit hold of a billed client, set by an administrator (a member follows its head's).
    creditLimitCents: bigint('credit_limit_cents', { mode: 'number' }),
    holdAfterDaysPastDue: integer('hold_after_days_past_due'),
    creditPolicy: creditPolicyEnum('credit_policy').notNull().default('none'),
    /** Manual suspension: its reason, or empty when the account is not suspended. */
    suspensionReason: text('suspension_reason'),
    /**
     * Exempté de la redevance: why (empty when the client pays dues), the exemption of the Act
     * named when it is another one, and the contract's dates (trips from/until, by service date).
     */
    duesExemption: duesExemptionEnum('dues_exemption'),
    duesExemptionDetail: text('dues_exemption_detail'),
    duesExemptFrom: date('dues_exempt_from', { mode: 'string' }),
    duesExemptTo: date('dues_exempt_to', { mode: 'string' }),
    /** The name folded for accent- and case-insensitive search (fold_text, migration 0002). */
    nameFolded: text('name_folded').generatedAlwaysAs(sql`fold_text(name)`),
    ...timestamps,
  },
  (t) => [
    check('clients_number_range', sql`${t.number} between 1 and 99999999`),
    check('clients_name_present', sql`length(trim(${t.name})) > 0`),
    check('clients_postal_code', sql`${t.postalCode} ~ ${sql.raw(POSTAL_CODE)}`),
    check('clients_province', sql`${t.province} in ('QC','ON','NB','NS','PE','NL','MB','SK','AB','BC','YT','NT','NU')`),
    check('clients_payment_terms', sql`${t.paymentTermsDays} between 0 and 365`),
    check('clients_discount_range', sql`${t.discountPercent} >= 0 and ${t.discountPercent} <= 100`),
    check('clients_gst_exemption_number', sql`not ${t.gstExempt} or length(trim(coalesce(${t.gstExemptionNumber}, ''))) > 0`),
    check('clients_qst_exemption_number', sql`not ${t.qstExempt} or length(trim(coalesce(${t.qstExemptionNumber}, ''))) > 0`),
    check('clients_credit_limit', sql`${t.creditLimitCents} is null or ${t.creditLimitCents} between 0 and 99999999999`),
    check('clients_hold_after_days', sql`${t.holdAfterDaysPastDue} is null or ${t.holdAfterDaysPastDue} between 0 and 3650`),
    check('clients_suspension_reason', sql`${t.suspensionReason} is null or length(trim(${t.suspensionReason})) > 0`),
    check('clients_dues_exemption_dates', sql`(${t.duesExemption} is null) = (${t.duesExemptFrom} is null)`),
    check('clients_dues_exemption_period', sql`${t.duesExemptTo} is null or ${t.duesExemptTo} >= ${t.duesExemptFrom}`),
    check(
      'clients_dues_exemption_named',
      sql`${t.duesExemption} is distinct from 'act' or length(trim(coalesce(${t.duesExemptionDetail}, ''))) > 0`,
    ),
    check('clients_email_delivery_needs_address', sql`${t.deliveryMethod} = 'print' or cardinality(${t.invoiceEmails}) > 0`),
    // Target of the grouping key below: (number, grouped_client_number) of a head is (H, H).
    unique('clients_number_grouped_key').on(t.number, t.groupedClientNumber),
    /*
     * Rules G1 and G2 held by the database itself. A client whose grouped number is H must
     * reference the row (H, H): H exists and is a head (its field holds its own number), so
     * no orphan, no member of a non-head and no chain can exist. A head with members cannot
     * change or clear its own number, nor be deleted, while members reference it. The
     * foreign-key locks serialize two administrators editing the same group (G7).
     */
    foreignKey({
      name: 'clients_grouped_client_is_head',
      columns: [t.groupedClientNumber, t.groupedClientNumber],
      foreignColumns: [t.number, t.groupedClientNumber],
    }),
    index('clients_grouped_client_number').on(t.groupedClientNumber),
    // Written by hand in migration 0039 (INCLUDE): clients_dues_exempt, the few clients exempt
    // from the dues with their dates, which every list of calls to bill reads.
    index('clients_name_folded_trgm').using('gin', t.nameFolded.op('gin_trgm_ops')),
    index('clients_name_folded').on(t.nameFolded),
    index('clients_tariff').on(t.tariffId),
  ],
);

/**
 * The references a client's payer requires on each call (docs/business-rules.md, Required
 * references): a purchase order, an authorization number, a cost centre… with an optional format
 * (`#` a digit, `@` a letter, `*` either, anything else itself) shown by an example, an optional
 * list of allowed values, and the date from which calls must carry it. A head's apply to its
 * members' calls too. A call keeps its values by label (calls.reference_values).
 */
export const clientReferences = pgTable(
  'client_references',
  {
    id: serial('id').primaryKey(),
    clientNumber: integer('client_number')
      .notNull()
      .references(() => clients.number, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    format: text('format'),
    example: text('example'),
    allowedValues: text('allowed_values')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    requiredFrom: date('required_from', { mode: 'string' }).notNull(),
    /** `Sous-totaux par`: the billed client's invoices subtotal each member block by this reference (one at most). */
    isSubtotal: boolean('is_subtotal').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('client_references_label').on(t.clientNumber, sql`lower(${t.label})`),
    uniqueIndex('client_references_one_subtotal')
      .on(t.clientNumber)
      .where(sql`${t.isSubtotal}`),
    check('client_references_label_present', sql`length(trim(${t.label})) between 1 and 60`),
    // A call's references are written in a file's cell as `Libellé : valeur ; …` (the import):
    // no colon (58) nor semicolon (59) in a label.
    check('client_references_label_separators', sql`strpos(${t.label}, chr(58)) = 0 and strpos(${t.label}, chr(59)) = 0`),
    check('client_references_format_with_example', sql`(${t.format} is null) = (${t.example} is null)`),
    check('client_references_format_length', sql`${t.format} is null or length(${t.format}) between 1 and 60`),
  ],
);

/**
 * Dated group membership (docs/business-rules.md, Dated group membership): from `validFrom`
 * (and until `validTo`, exclusive, or open-ended) client `clientNumber` is billed on head
 * `headNumber`; a row whose head is the client itself says the client is a grouped account
 * over that period. A call is billed on the membership in force on its service date. The
 * rows are written by the database when `clients.grouped_client_number` changes (migration
 * 0017), which then shows the open-ended membership: today's. Never overlapping for one
 * client (an exclusion constraint, in the migration), a member always within a period when
 * its head is a head (a deferred constraint trigger).
 */
export const groupMemberships = pgTable(
  'group_memberships',
  {
    id: serial('id').primaryKey(),
    // A client deleted (one without history) takes its memberships along.
    clientNumber: integer('client_number')
      .notNull()
      .references(() => clients.number, { onDelete: 'cascade' }),
    headNumber: integer('head_number')
      .notNull()
      .references(() => clients.number),
    /** '-infinity' for a client grouped from its creation. */
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedBy: integer('ended_by').references(() => users.id),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    check('group_memberships_period', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
    index('group_memberships_client').on(t.clientNumber, t.validFrom),
    index('group_memberships_head').on(t.headNumber),
  ],
);

// ---------------------------------------------------------------- calls

export const calls = pgTable(
  'calls',
  {
    number: bigint('number', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity({ startWith: 100001 }),
    /** Always the client the call was taken for (a member's own number, never its head's). */
    clientNumber: integer('client_number')
      .notNull()
      .references(() => clients.number),
    serviceAt: timestamp('service_at', { withTimezone: true }).notNull(),
    /** Service date in Montréal time: the date the billing cut-off compares with. */
    serviceDate: date('service_date', { mode: 'string' }).notNull(),
    caller: text('caller'),
    pickupAddress: text('pickup_address').notNull(),
    destinationAddress: text('destination_address').notNull(),
    distanceKm: numeric('distance_km', { precision: 8, scale: 2 }).notNull().default('0'),
    waitingMinutes: integer('waiting_minutes').notNull().default(0),
    serviceType: serviceTypeEnum('service_type').notNull().default('standard'),
    clientReference: text('client_reference'),
    /** The values of the required references of its client and its head (client_references), by label. */
    referenceValues: jsonb('reference_values').$type<Record<string, string>>().notNull().default({}),
    notes: text('notes'),
    status: callStatusEnum('status').notNull().default('open'),
    // Price as computed at call taking, with the call's own client's tariff and discount.
    tariffId: integer('tariff_id')
      .notNull()
      .references(() => tariffs.id),
    tariffCode: text('tariff_code').notNull(),
    grossCents: integer('gross_cents').notNull(),
    discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }).notNull().default('0'),
    discountCents: integer('discount_cents').notNull().default(0),
    priceCents: integer('price_cents').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    /** The dispatch system's own id of a call it sent through the API (one call per id). */
    dispatchId: text('dispatch_id'),
    /** The API token that created the call, when the dispatch system did. */
    createdByToken: integer('created_by_token').references(() => apiTokens.id),
    /**
     * The invoice of the former system a call imported from it was billed on: such a call is
     * never billable here, and never changes.
     */
    legacyInvoiceNumber: text('legacy_invoice_number'),
    /** How the trip's price was set (passenger trips), printed on its invoice line. */
    billingType: billingTypeEnum('billing_type'),
    /** The hours of a trip billed by the hour, in tenths. */
    billingHoursTenths: integer('billing_hours_tenths'),
    /** Municipalities of origin and destination (the registered dispatcher's annual report). */
    originMunicipalityId: integer('origin_municipality_id').references(() => municipalities.id),
    destinationMunicipalityId: integer('destination_municipality_id').references(() => municipalities.id),
    /** The bill number of the certified sales recording system (No. de facture SEV), sent by the dispatch system. */
    sevNumber: text('sev_number'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Caller, addresses and reference folded for accent- and case-insensitive search. */
    searchText: text('search_text').generatedAlwaysAs(
      sql`fold_text(coalesce(caller, '') || ' ' || pickup_address || ' ' || destination_address || ' ' || coalesce(client_reference, ''))`,
    ),
    ...timestamps,
  },
  (t) => [
    check('calls_distance_non_negative', sql`${t.distanceKm} >= 0`),
    check('calls_waiting_non_negative', sql`${t.waitingMinutes} >= 0`),
    check('calls_gross_non_negative', sql`${t.grossCents} >= 0`),
    check('calls_discount_range', sql`${t.discountCents} >= 0 and ${t.discountCents} <= ${t.grossCents}`),
    check('calls_discount_percent_range', sql`${t.discountPercent} >= 0 and ${t.discountPercent} <= 100`),
    check('calls_price_is_gross_less_discount', sql`${t.priceCents} = ${t.grossCents} - ${t.discountCents}`),
    check('calls_pickup_present', sql`length(trim(${t.pickupAddress})) > 0`),
    check('calls_destination_present', sql`length(trim(${t.destinationAddress})) > 0`),
    check('calls_legacy_invoice_present', sql`${t.legacyInvoiceNumber} is null or length(trim(${t.legacyInvoiceNumber})) between 1 and 50`),
    check(
      'calls_billing_hours',
      sql`(${t.billingHoursTenths} is null or ${t.billingHoursTenths} between 1 and 9999) and (${t.billingHoursTenths} is null or ${t.billingType} = 'hourly')`,
    ),
    check('calls_sev_number', sql`${t.sevNumber} is null or ${t.sevNumber} ~ '^[A-Za-z0-9._:/-]{1,40}$'`),
    check('calls_reference_values_object', sql`jsonb_typeof(${t.referenceValues}) = 'object'`),
    check('calls_dispatch_id_format', sql`${t.dispatchId} ~ '^[A-Za-z0-9._:-]{1,100}$'`),
    // Calls taken on the screen have none (nulls are distinct).
    uniqueIndex('calls_dispatch_id').on(t.dispatchId),
    index('calls_client_service_date').on(t.clientNumber, t.serviceDate),
    index('calls_service_date').on(t.serviceDate),
    // Call search lists the newest calls first.
    index('calls_service_at').on(t.serviceAt, t.number),
    index('calls_status').on(t.status),
    // The billable calls of a range of clients, index-only (number, price and tariff included):
    // written by hand in migrations 0023 and 0027 as calls_billable_by_client, the builder not
    // expressing INCLUDE. So is calls_completed_number (migration 0028): the completed calls by
    // number with their service date, which the dues return merges with the invoiced ones.
    // The billable calls of a cut-off: completed, by service date.
    index('calls_completed_service_date')
      .on(t.serviceDate, t.clientNumber)
      .where(sql`${t.status} = 'completed'`),
    index('calls_search_text_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/**
 * A call held back from billing by a billing clerk, with the reason (docs/business-rules.md,
 * Held calls): out of the billing list and of generation until released. The database refuses
 * holding a call already invoiced, and an invoice line of a held call (migration 0032).
 */
export const callHolds = pgTable(
  'call_holds',
  {
    callNumber: bigint('call_number', { mode: 'number' })
      .primaryKey()
      .references(() => calls.number, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    heldBy: integer('held_by')
      .notNull()
      .references(() => users.id),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('call_holds_reason_present', sql`length(trim(${t.reason})) between 1 and 500`)],
);

/**
 * The calls a billing clerk should look at before they are billed, with their reasons as bits
 * (docs/business-rules.md, Review before billing): 1 a required reference missing, 2 a price of
 * zero, 4 a price far above the client's usual one, 8 a probable duplicate, 16 contested from the
 * client portal and not answered. Written by the one rule of migrations 0033 and 0036
 * (refresh_review_flags) whenever a call is written; a call without a reason has no row.
 * Approved (`approvedAt`), it leaves the review until it is edited again; a call contested is
 * not approved, its contest is answered.
 */
export const callFlags = pgTable(
  'call_flags',
  {
    callNumber: bigint('call_number', { mode: 'number' })
      .primaryKey()
      .references(() => calls.number, { onDelete: 'cascade' }),
    reasons: smallint('reasons').notNull(),
    flaggedAt: timestamp('flagged_at', { withTimezone: true }).notNull().defaultNow(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: integer('approved_by').references(() => users.id),
  },
  (t) => [
    check('call_flags_reasons', sql`${t.reasons} between 1 and 31`),
    check('call_flags_approved', sql`(${t.approvedAt} is null) = (${t.approvedBy} is null)`),
    // The calls waiting for review, read by the review's screen and left out of the billing list.
    index('call_flags_waiting')
      .on(t.callNumber)
      .where(sql`${t.approvedAt} is null`),
  ],
);

/**
 * A call contested by a portal user of the account it is billed to (docs/business-rules.md,
 * Contested calls), with its comment, and the billing clerk's answer: accepted (the call
 * corrected before billing, or credited by a credit note of its invoice) or refused with a
 * reason. One contest at a time waits for an answer on a call.
 */
export const callContests = pgTable(
  'call_contests',
  {
    id: serial('id').primaryKey(),
    callNumber: bigint('call_number', { mode: 'number' })
      .notNull()
      .references(() => calls.number, { onDelete: 'cascade' }),
    /** The portal's account that contested it (the call's billed client). */
    accountNumber: integer('account_number')
      .notNull()
      .references(() => clients.number),
    comment: text('comment').notNull(),
    contestedBy: integer('contested_by')
      .notNull()
      .references(() => users.id),
    contestedAt: timestamp('contested_at', { withTimezone: true }).notNull().defaultNow(),
    status: contestStatusEnum('status').notNull().default('open'),
    /** The clerk's answer, read by the portal user. */
    answer: text('answer'),
    /** An accepted contest of an invoiced call: the credit note of its invoice that credits it. */
    creditNoteId: bigint('credit_note_id', { mode: 'number' }).references(() => creditNotes.id),
    answeredBy: integer('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** Its notice was e-mailed to the company (the delivery's record of it). */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    check('call_contests_comment_present', sql`length(trim(${t.comment})) between 1 and 1000`),
    check(
      'call_contests_answered',
      sql`(${t.status} = 'open') = (${t.answeredAt} is null) and (${t.answeredAt} is null) = (${t.answeredBy} is null)`,
    ),
    check(
      'call_contests_refusal_has_reason',
      sql`${t.status} <> 'refused' or (${t.answer} is not null and length(trim(${t.answer})) between 1 and 1000)`,
    ),
    check('call_contests_answer_length', sql`${t.answer} is null or length(${t.answer}) <= 1000`),
    check('call_contests_credit_note_accepted', sql`${t.creditNoteId} is null or ${t.status} = 'accepted'`),
    uniqueIndex('call_contests_one_open')
      .on(t.callNumber)
      .where(sql`${t.status} = 'open'`),
    index('call_contests_call').on(t.callNumber),
    index('call_contests_account').on(t.accountNumber, t.contestedAt),
  ],
);

export const callStatusChanges = pgTable(
  'call_status_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    callNumber: bigint('call_number', { mode: 'number' })
      .notNull()
      .references(() => calls.number, { onDelete: 'cascade' }),
    fromStatus: callStatusEnum('from_status'),
    toStatus: callStatusEnum('to_status').notNull(),
    changedBy: integer('changed_by').references(() => users.id),
    /** The API token of the dispatch system that changed the status, when it did. */
    changedByToken: integer('changed_by_token').references(() => apiTokens.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('call_status_changes_call').on(t.callNumber, t.changedAt)],
);

// ---------------------------------------------------------------- billing

export const billingRuns = pgTable(
  'billing_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: billingKindEnum('kind').notNull(),
    cutoffDate: date('cutoff_date', { mode: 'string' }).notNull(),
    billingCycle: billingCycleFilterEnum('billing_cycle').notNull().default('all'),
    clientFrom: integer('client_from'),
    clientTo: integer('client_to'),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    status: billingRunStatusEnum('status').notNull().default('completed'),
    invoiceCount: integer('invoice_count').notNull().default(0),
    callCount: integer('call_count').notNull().default(0),
    subtotalCents: bigint('subtotal_cents', { mode: 'number' }).notNull().default(0),
    /** Dues (redevance) of the run's passenger trips, beside the fares. */
    duesCents: bigint('dues_cents', { mode: 'number' }).notNull().default(0),
    gstCents: bigint('gst_cents', { mode: 'number' }).notNull().default(0),
    qstCents: bigint('qst_cents', { mode: 'number' }).notNull().default(0),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull().default(0),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    reversedBy: integer('reversed_by').references(() => users.id),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
  },
  (t) => [
    check('billing_runs_client_range', sql`${t.clientFrom} is null or ${t.clientTo} is null or ${t.clientFrom} <= ${t.clientTo}`),
    check('billing_runs_counts_non_negative', sql`${t.invoiceCount} >= 0 and ${t.callCount} >= 0`),
    check(
      'billing_runs_amounts',
      sql`${t.subtotalCents} >= 0 and ${t.duesCents} >= 0 and ${t.gstCents} >= 0 and ${t.qstCents} >= 0 and ${t.totalCents} = ${t.subtotalCents} + ${t.duesCents} + ${t.gstCents} + ${t.qstCents}`,
    ),
    check('billing_runs_reversal', sql`(${t.status} = 'reversed') = (${t.reversedAt} is not null)`),
    index('billing_runs_created_at').on(t.createdAt),
  ],
);

export const invoices = pgTable(
  'invoices',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    number: bigint('number', { mode: 'number' }).notNull().unique(),
    billingRunId: bigint('billing_run_id', { mode: 'number' })
      .notNull()
      .references(() => billingRuns.id),
    kind: billingKindEnum('kind').notNull(),
    billedClientNumber: integer('billed_client_number')
      .notNull()
      .references(() => clients.number),
    status: invoiceStatusEnum('status').notNull().default('issued'),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    // Billing information as it was at generation (of the head for a grouped invoice).
    billToName: text('bill_to_name').notNull(),
    billToAddressLine1: text('bill_to_address_line1').notNull(),
    billToAddressLine2: text('bill_to_address_line2'),
    billToCity: text('bill_to_city').notNull(),
    billToProvince: text('bill_to_province').notNull(),
    billToPostalCode: text('bill_to_postal_code').notNull(),
    billToEmails: text('bill_to_emails')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    language: localeEnum('language').notNull(),
    deliveryMethod: deliveryMethodEnum('delivery_method').notNull(),
    paymentTermsDays: integer('payment_terms_days').notNull(),
    gstExemptionNumber: text('gst_exemption_number'),
    qstExemptionNumber: text('qst_exemption_number'),
    // The issuing company as it was at generation (a reprint never shows later settings).
    issuerName: text('issuer_name'),
    issuerAddressLine1: text('issuer_address_line1'),
    issuerAddressLine2: text('issuer_address_line2'),
    issuerCity: text('issuer_city'),
    issuerProvince: text('issuer_province'),
    issuerPostalCode: text('issuer_postal_code'),
    issuerPhone: text('issuer_phone'),
    issuerEmail: text('issuer_email'),
    issuerGstNumber: text('issuer_gst_number'),
    issuerQstNumber: text('issuer_qst_number'),
    // Amounts computed once at generation; never recomputed.
    lineCount: integer('line_count').notNull(),
    /** The passenger trips that carry dues, and the billed client's exemption (as at generation) when they carry none. */
    duesTrips: integer('dues_trips').notNull().default(0),
    duesExemption: duesExemptionEnum('dues_exemption'),
    subtotalCents: bigint('subtotal_cents', { mode: 'number' }).notNull(),
    /** Dues (redevance), apart from the fares of the subtotal; the taxes are on both. */
    duesCents: bigint('dues_cents', { mode: 'number' }).notNull().default(0),
    gstCents: bigint('gst_cents', { mode: 'number' }).notNull(),
    qstCents: bigint('qst_cents', { mode: 'number' }).notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    /**
     * The bill number of the certified sales recording system (SEV) when every trip of the
     * invoice carries the same one (a system that bills a contract's trips by billing period):
     * printed once, with the invoice's number, rather than on each trip.
     */
    /** The label of the billed client's `Sous-totaux par` reference at generation: its member blocks are subtotalled by it. */
    subtotalLabel: text('subtotal_label'),
    sevNumber: text('sev_number'),
    /*
     * What has been settled so far, kept by the database's triggers (migration 0012): the
     * credit notes' totals and the payments applied. The balance due is what is left.
     */
    creditedCents: bigint('credited_cents', { mode: 'number' }).notNull().default(0),
    paidCents: bigint('paid_cents', { mode: 'number' }).notNull().default(0),
    printedAt: timestamp('printed_at', { withTimezone: true }),
    printedBy: integer('printed_by').references(() => users.id),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: integer('voided_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('invoices_number_positive', sql`${t.number} > 0`),
    check('invoices_due_after_issue', sql`${t.dueDate} >= ${t.issueDate}`),
    check('invoices_line_count_positive', sql`${t.lineCount} > 0`),
    check(
      'invoices_amounts',
      sql`${t.subtotalCents} >= 0 and ${t.duesCents} >= 0 and ${t.duesTrips} >= 0 and ${t.gstCents} >= 0 and ${t.qstCents} >= 0 and ${t.totalCents} = ${t.subtotalCents} + ${t.duesCents} + ${t.gstCents} + ${t.qstCents}`,
    ),
    check('invoices_void', sql`(${t.status} = 'void') = (${t.voidedAt} is not null)`),
    check('invoices_sev_number', sql`${t.sevNumber} is null or ${t.sevNumber} ~ '^[A-Za-z0-9._:/-]{1,40}$'`),
    // Never more settled than the invoice: no payment nor credit note beyond its balance.
    check(
      'invoices_settled_within_total',
      sql`${t.creditedCents} >= 0 and ${t.paidCents} >= 0 and ${t.creditedCents} + ${t.paidCents} <= ${t.totalCents}`,
    ),
    // The open invoices of a billed client, oldest due first (payment entry, aging, credit hold).
    index('invoices_open_by_client')
      .on(t.billedClientNumber, t.dueDate)
      .where(sql`${t.status} = 'issued' and ${t.creditedCents} + ${t.paidCents} < ${t.totalCents}`),
    index('invoices_billing_run').on(t.billingRunId),
    index('invoices_billed_client').on(t.billedClientNumber, t.issueDate),
    index('invoices_issue_date').on(t.issueDate),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /*
     * The invoice. Not a foreign key either, for the same reason as the call below: migration
     * 0020 checks it once per statement (every line's invoice exists, locked as a foreign key
     * would) and keeps an invoice with lines from being deleted.
     */
    invoiceId: bigint('invoice_id', { mode: 'number' }).notNull(),
    /*
     * The call and its client. Not foreign keys: checking them row by row doubled the time of a
     * run (1,000,000 calls); a run writes them from the calls themselves, and triggers of
     * migration 0008 keep an invoiced call and its client from being deleted.
     */
    callNumber: bigint('call_number', { mode: 'number' }).notNull(),
    /** The client the call was taken for: the member block it belongs to on a grouped invoice. */
    clientNumber: integer('client_number').notNull(),
    clientName: text('client_name').notNull(),
    serviceDate: date('service_date', { mode: 'string' }).notNull(),
    pickupAddress: text('pickup_address').notNull(),
    destinationAddress: text('destination_address').notNull(),
    clientReference: text('client_reference'),
    /** The values of its client's required references, by label (client_references), as at generation. */
    referenceValues: jsonb('reference_values').$type<Record<string, string>>().notNull().default({}),
    amountCents: integer('amount_cents').notNull(),
    /** A passenger trip, and its dues: the rate in force on its service date, stored at generation, never recomputed. */
    isPassenger: boolean('is_passenger').notNull().default(false),
    duesCents: integer('dues_cents').notNull().default(0),
    billingType: billingTypeEnum('billing_type'),
    billingHoursTenths: integer('billing_hours_tenths'),
    sevNumber: text('sev_number'),
    /** Copied from the invoice when it is voided, so the index below can ignore void lines. */
    isVoid: boolean('is_void').notNull().default(false),
  },
  (t) => [
    check('invoice_lines_amount_non_negative', sql`${t.amountCents} >= 0`),
    check('invoice_lines_dues', sql`${t.duesCents} >= 0 and (${t.isPassenger} or ${t.duesCents} = 0)`),
    // No double billing: a call is on at most one non-void invoice.
    uniqueIndex('invoice_lines_call_once')
      .on(t.callNumber)
      .where(sql`not ${t.isVoid}`),
    index('invoice_lines_invoice').on(t.invoiceId, t.clientNumber),
    // Written by hand in migration 0028 (INCLUDE): invoice_lines_passenger_without_dues, the
    // passenger trips invoiced without dues, which the dues return reads by reason.
  ],
);

export const creditNotes = pgTable(
  'credit_notes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    number: bigint('number', { mode: 'number' }).notNull().unique(),
    invoiceId: bigint('invoice_id', { mode: 'number' })
      .notNull()
      .references(() => invoices.id),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    subtotalCents: bigint('subtotal_cents', { mode: 'number' }).notNull(),
    /** Dues (redevance), apart from the fares of the subtotal; the taxes are on both. */
    duesCents: bigint('dues_cents', { mode: 'number' }).notNull().default(0),
    gstCents: bigint('gst_cents', { mode: 'number' }).notNull(),
    qstCents: bigint('qst_cents', { mode: 'number' }).notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('credit_notes_number_positive', sql`${t.number} > 0`),
    check('credit_notes_reason_present', sql`length(trim(${t.reason})) > 0`),
    check(
      'credit_notes_amounts',
      sql`${t.subtotalCents} > 0 and ${t.duesCents} >= 0 and ${t.gstCents} >= 0 and ${t.qstCents} >= 0 and ${t.totalCents} = ${t.subtotalCents} + ${t.duesCents} + ${t.gstCents} + ${t.qstCents}`,
    ),
    index('credit_notes_invoice').on(t.invoiceId),
  ],
);

export const creditNoteLines = pgTable(
  'credit_note_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    creditNoteId: bigint('credit_note_id', { mode: 'number' })
      .notNull()
      .references(() => creditNotes.id),
    /** The invoice line credited, or empty for an amount credited on the invoice as a whole. */
    invoiceLineId: bigint('invoice_line_id', { mode: 'number' }).references(() => invoiceLines.id),
    description: text('description').notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** The dues of the trip credited whole (never on an amount credited). */
    duesCents: integer('dues_cents').notNull().default(0),
  },
  (t) => [
    check('credit_note_lines_amount_positive', sql`${t.amountCents} > 0`),
    check('credit_note_lines_dues', sql`${t.duesCents} >= 0 and (${t.duesCents} = 0 or ${t.invoiceLineId} is not null)`),
    // An invoice line is credited at most once.
    uniqueIndex('credit_note_lines_invoice_line_once')
      .on(t.invoiceLineId)
      .where(sql`${t.invoiceLineId} is not null`),
    index('credit_note_lines_credit_note').on(t.creditNoteId),
  ],
);

// ---------------------------------------------------------------- receivables

/** A deposit batch (bordereau de dépôt): its payments enter the ledger together once it balances. */
export const depositBatches = pgTable(
  'deposit_batches',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    depositDate: date('deposit_date', { mode: 'string' }).notNull(),
    announcedCents: bigint('announced_cents', { mode: 'number' }).notNull(),
    reference: text('reference'),
    status: depositBatchStatusEnum('status').notNull().default('open'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    postedBy: integer('posted_by').references(() => users.id),
    postedAt: timestamp('posted_at', { withTimezone: true }),
  },
  (t) => [
    check('deposit_batches_announced', sql`${t.announcedCents} > 0 and ${t.announcedCents} <= 99999999999`),
    check('deposit_batches_posted', sql`(${t.status} = 'posted') = (${t.postedAt} is not null)`),
  ],
);

/** A payment received from a billed client (the head for grouped invoices). */
export const payments = pgTable(
  'payments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    number: bigint('number', { mode: 'number' }).notNull().unique(),
    billedClientNumber: integer('billed_client_number')
      .notNull()
      .references(() => clients.number),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    method: paymentMethodEnum('method').notNull(),
    reference: text('reference'),
    note: text('note'),
    status: paymentStatusEnum('status').notNull().default('posted'),
    depositBatchId: bigint('deposit_batch_id', { mode: 'number' }).references(() => depositBatches.id),
    /** Applied to invoices so far, kept by the allocations' triggers; the rest is a credit on account. */
    appliedCents: bigint('applied_cents', { mode: 'number' }).notNull().default(0),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    reversedOn: date('reversed_on', { mode: 'string' }),
    reversalReason: text('reversal_reason'),
    reversedBy: integer('reversed_by').references(() => users.id),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
  },
  (t) => [
    check('payments_number_positive', sql`${t.number} > 0`),
    check('payments_amount', sql`${t.amountCents} > 0 and ${t.amountCents} <= 99999999999`),
    check('payments_applied_within_amount', sql`${t.appliedCents} >= 0 and ${t.appliedCents} <= ${t.amountCents}`),
    check(
      'payments_reversal',
      sql`(${t.status} = 'reversed') = (${t.reversedOn} is not null and ${t.reversalReason} is not null and length(trim(${t.reversalReason})) > 0)`,
    ),
    check('payments_reversed_unapplied', sql`${t.status} <> 'reversed' or ${t.appliedCents} = 0`),
    check('payments_reversed_after_received', sql`${t.reversedOn} is null or ${t.reversedOn} >= ${t.receivedOn}`),
    check('payments_pending_in_batch', sql`${t.status} <> 'pending' or (${t.depositBatchId} is not null and ${t.appliedCents} = 0)`),
    index('payments_billed_client').on(t.billedClientNumber, t.receivedOn),
    index('payments_received_on').on(t.receivedOn),
    index('payments_deposit_batch').on(t.depositBatchId),
  ],
);

/**
 * A part of a payment applied to one invoice. Never erased: undoing it (a cheque returned, a
 * payment re-applied) dates its release, so that any past date's balances read the same.
 */
export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    paymentId: bigint('payment_id', { mode: 'number' })
      .notNull()
      .references(() => payments.id),
    invoiceId: bigint('invoice_id', { mode: 'number' })
      .notNull()
      .references(() => invoices.id),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    releasedOn: date('released_on', { mode: 'string' }),
    releasedBy: integer('released_by').references(() => users.id),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [
    check('payment_allocations_amount_positive', sql`${t.amountCents} > 0`),
    check('payment_allocations_release', sql`${t.releasedOn} is null or ${t.releasedOn} >= ${t.appliedOn}`),
    index('payment_allocations_payment').on(t.paymentId),
    index('payment_allocations_invoice').on(t.invoiceId),
  ],
);

/** A call let through by an administrator for an account on credit hold, with the reason. */
export const creditHoldOverrides = pgTable(
  'credit_hold_overrides',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    billedClientNumber: integer('billed_client_number')
      .notNull()
      .references(() => clients.number),
    callNumber: bigint('call_number', { mode: 'number' })
      .notNull()
      .references(() => calls.number),
    reason: text('reason').notNull(),
    holdReasons: text('hold_reasons').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('credit_hold_overrides_reason', sql`length(trim(${t.reason})) > 0`),
    index('credit_hold_overrides_client').on(t.billedClientNumber, t.createdAt),
  ],
);

/**
 * A statement of account (état de compte) of a billed client for a period, recorded when it is
 * first printed or queued for e-mail: one per client and period, so that a batch e-mailed twice
 * sends each statement once. Its figures are read again from the ledger whenever it is rendered.
 */
export const statements = pgTable(
  'statements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    billedClientNumber: integer('billed_client_number')
      .notNull()
      .references(() => clients.number),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** grouped: the statement of a head (its members' subtotals shown); normal otherwise. */
    kind: billingKindEnum('kind').notNull(),
    language: localeEnum('language').notNull(),
    /** The closing balance when the statement was last produced. */
    closingCents: bigint('closing_cents', { mode: 'number' }).notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    printedAt: timestamp('printed_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    check('statements_period', sql`${t.periodFrom} <= ${t.periodTo}`),
    uniqueIndex('statements_client_period').on(t.billedClientNumber, t.periodFrom, t.periodTo),
    index('statements_period_to').on(t.periodTo),
  ],
);

/** Each attempt to print or e-mail an invoice or a statement of account. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The invoice delivered, or empty for a statement. */
    invoiceId: bigint('invoice_id', { mode: 'number' }).references(() => invoices.id),
    /** The statement of account delivered, or empty for an invoice. */
    statementId: bigint('statement_id', { mode: 'number' }).references(() => statements.id),
    /** The invitation to the client portal delivered (an e-mail without attachment). */
    portalInvitationId: integer('portal_invitation_id').references(() => portalInvitations.id, { onDelete: 'cascade' }),
    /** The notice of a contested call, to the company's address. */
    callContestId: integer('call_contest_id').references(() => callContests.id, { onDelete: 'cascade' }),
    channel: deliveryChannelEnum('channel').notNull(),
    status: deliveryStatusEnum('status').notNull().default('pending'),
    recipients: text('recipients')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    error: text('error'),
    requestedBy: integer('requested_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** An e-mail asked for again by a clerk on an invoice already sent. */
    isResend: boolean('is_resend').notNull().default(false),
    /** Sending attempts so far; a pending e-mail waits until next_attempt_at. */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** Set when a worker took the e-mail: it is being sent. */
    startedAt: timestamp('started_at', { withTimezone: true }),
  },
  (t) => [
    check('deliveries_email_has_recipients', sql`${t.channel} = 'print' or cardinality(${t.recipients}) > 0`),
    check('deliveries_failure_has_reason', sql`${t.status} <> 'failed' or ${t.error} is not null`),
    // An invoice, a statement, an invitation or a contest's notice: one, never two nor none.
    check('deliveries_one_document', sql`num_nonnulls(${t.invoiceId}, ${t.statementId}, ${t.portalInvitationId}, ${t.callContestId}) = 1`),
    index('deliveries_invoice').on(t.invoiceId, t.createdAt),
    index('deliveries_statement').on(t.statementId, t.createdAt),
    // One e-mail at most waiting or being sent per invoice: a double click queues nothing more.
    uniqueIndex('deliveries_one_pending_email')
      .on(t.invoiceId)
      .where(sql`${t.channel} = 'email' and ${t.status} = 'pending'`),
    // And per statement.
    uniqueIndex('deliveries_one_pending_statement_email')
      .on(t.statementId)
      .where(sql`${t.channel} = 'email' and ${t.status} = 'pending'`),
    uniqueIndex('deliveries_one_pending_invitation_email')
      .on(t.portalInvitationId)
      .where(sql`${t.channel} = 'email' and ${t.status} = 'pending'`),
    uniqueIndex('deliveries_one_pending_contest_email')
      .on(t.callContestId)
      .where(sql`${t.channel} = 'email' and ${t.status} = 'pending'`),
    index('deliveries_pending_email')
      .on(t.id)
      .where(sql`${t.channel} = 'email' and ${t.status} = 'pending'`),
  ],
);

/** E-mails captured instead of sent when no SMTP server is configured (the embedded demo). */
export const outboxMessages = pgTable('outbox_messages', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  deliveryId: bigint('delivery_id', { mode: 'number' }).references(() => deliveries.id),
  recipients: text('recipients').array().notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  /** Empty for an e-mail without attachment (an invitation to the client portal). */
  attachmentName: text('attachment_name'),
  attachmentBase64: text('attachment_base64'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// ---------------------------------------------------------------- audit

/** G6: who changed what, when, from which value to which value. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id').references(() => users.id),
    entity: text('entity').notNull(),
    entityKey: text('entity_key').notNull(),
    /** Set when the change concerns a client, to filter the log by client. */
    clientNumber: integer('client_number'),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
  },
  (t) => [
    check('audit_log_entity', sql`${t.entity} in ('client','tariff','user','settings','payment','api_token','portal_user')`),
    index('audit_log_at').on(t.at),
    index('audit_log_client_at').on(t.clientNumber, t.at),
  ],
);
