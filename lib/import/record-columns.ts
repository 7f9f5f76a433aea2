/**
 * Clients, tariffs and calls as lines of their files, read from the database: one select list
 * each, shared by the exports and by the imports (which compare a line with the record it names).
 * A call is named by the former system's number it was imported under (calls.dispatch_id
 * "import:<No. appel>"), else by its own number; its invoice is the former system's, else the one
 * it is on here, so that a file exported here imports elsewhere as calls billed in the former
 * system.
 */
import { sql } from 'drizzle-orm';
import { IMPORTED_CALL_PREFIX } from '@/lib/calls/dispatch-id';
import { countedMunicipality } from '@/lib/municipalities/find-municipalities';

/** The columns of a ClientRecord (and its tariff's id), from `clients c join tariffs t on t.id = c.tariff_id`. */
export const clientRecordColumns = sql`c.number, c.name, c.contact_name as "contactName", c.phone, c.address_line1 as "addressLine1",
  c.address_line2 as "addressLine2", c.city, c.province, c.postal_code as "postalCode", c.invoice_emails as "invoiceEmails",
  c.language, c.delivery_method as "deliveryMethod", c.payment_terms_days as "paymentTermsDays", c.billing_cycle as "billingCycle",
  c.gst_exempt as "gstExempt", c.gst_exemption_number as "gstExemptionNumber", c.qst_exempt as "qstExempt",
  c.qst_exemption_number as "qstExemptionNumber", c.dues_exemption as "duesExemption",
  c.dues_exemption_detail as "duesExemptionDetail", c.dues_exempt_from::text as "duesExemptFrom",
  c.dues_exempt_to::text as "duesExemptTo", c.tariff_id as "tariffId", t.code as "tariffCode",
  c.discount_percent::text as "discountPercent", c.grouped_client_number as "groupedClientNumber", c.is_active as "isActive", c.notes`;

/** The columns of a TariffRecord, from `tariffs t`. */
export const tariffRecordColumns = sql`t.code, t.name, t.base_cents as "baseCents", t.per_km::text as "perKm",
  t.per_minute::text as "perMinute", t.minimum_charge_cents as "minimumChargeCents", t.is_active as "isActive"`;

/** The invoice of this application the call `k` is on (not void), as text. */
export const invoiceHere = sql`(select i.number::text from invoice_lines l join invoices i on i.id = l.invoice_id
                          where l.call_number = k.number and not l.is_void limit 1)`;

/**
 * The columns of a CallRecord, from `calls k` joined to nothing else; its municipalities by the
 * names the list gives them (a variant merged since: the municipality it joined).
 */
export const callRecordColumns = sql`
  case when k.dispatch_id like 'import:%' then substr(k.dispatch_id, ${IMPORTED_CALL_PREFIX.length + 1}) else k.number::text end as "callId",
  k.client_number as "clientNumber", k.service_date::text as "serviceDate",
  to_char(k.service_at at time zone 'America/Toronto', 'HH24:MI') as "serviceTime",
  k.caller, k.pickup_address as "pickupAddress", k.destination_address as "destinationAddress",
  k.distance_km::text as "distanceKm", k.waiting_minutes as "waitingMinutes", k.service_type as "serviceType",
  k.client_reference as "clientReference", k.notes, k.status, k.tariff_code as "tariffCode",
  k.gross_cents as "grossCents", k.discount_percent::text as "discountPercent", k.discount_cents as "discountCents",
  k.price_cents as "priceCents", coalesce(k.legacy_invoice_number, ${invoiceHere}) as "invoiceNumber",
  k.billing_type as "billingType", k.billing_hours_tenths as "billingHoursTenths",
  ${countedMunicipality(sql`k.origin_municipality_id`).name} as "originMunicipality",
  ${countedMunicipality(sql`k.destination_municipality_id`).name} as "destinationMunicipality", k.sev_number as "sevNumber",
  k.reference_values as "references"`;
