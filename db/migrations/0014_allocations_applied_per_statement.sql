-- Allocations applied per statement rather than per row (docs/business-rules.md, Payments and
-- allocations): a cheque across 500 invoices updated its payment's row 500 times. Now one
-- statement's allocations update each payment once and each invoice once, with the same
-- refusals: RR001 for an invoice void or of another client, or a payment not posted; the
-- checks on payments and invoices for more than the payment or the invoice's balance. Lock
-- order is unchanged: the payments, then the invoices by id.
DROP TRIGGER payment_allocations_apply ON payment_allocations;
--> statement-breakpoint
DROP FUNCTION payment_allocations_apply();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION payment_allocations_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  refused text;
BEGIN
  UPDATE payments p SET applied_cents = p.applied_cents + n.total
    FROM (SELECT payment_id, sum(amount_cents) AS total FROM new_rows GROUP BY payment_id) n
   WHERE p.id = n.payment_id;
  SELECT string_agg(DISTINCT coalesce(i.number::text, n.invoice_id::text), ', ') INTO refused
    FROM new_rows n
    JOIN payments p ON p.id = n.payment_id
    LEFT JOIN invoices i ON i.id = n.invoice_id
   WHERE p.status <> 'posted' OR i.id IS NULL OR i.status <> 'issued' OR i.billed_client_number <> p.billed_client_number;
  IF refused IS NOT NULL THEN
    RAISE EXCEPTION 'affectation refusée (facture % : annulée, d''un autre client, ou paiement non encaissé)', refused
      USING ERRCODE = 'RR001', DETAIL = refused;
  END IF;
  UPDATE invoices i SET paid_cents = i.paid_cents + n.total
    FROM (SELECT invoice_id, sum(amount_cents) AS total FROM new_rows GROUP BY invoice_id ORDER BY invoice_id) n
   WHERE i.id = n.invoice_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER payment_allocations_apply AFTER INSERT ON payment_allocations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_allocations_apply();
