'use client';

import { useState, useTransition } from 'react';
import { lookupPaymentClientAction } from '@/actions/receivables';
import type { PaymentClient } from '@/lib/receivables/payment-client';

/**
 * The billed client a payment is for: the number as typed, and the client with its open invoices
 * once the number is looked up (on leaving the field or on Enter). `onFound` follows each client
 * found; a number that is not a client's clears it, with the server's reason.
 */
export function usePaymentClient(initialClient: PaymentClient | null, { onFound }: { onFound: () => void }) {
  const [number, setNumber] = useState(initialClient ? String(initialClient.number) : '');
  const [client, setClient] = useState<PaymentClient | null>(initialClient);
  const [error, setError] = useState<string[] | undefined>();
  const [isLooking, startLookup] = useTransition();

  function lookUp(typed: string) {
    if (!/^\d{1,8}$/.test(typed.trim())) {
      setClient(null);
      return;
    }
    if (client && String(client.number) === typed.trim()) return;
    startLookup(async () => {
      const formData = new FormData();
      formData.set('clientNumber', typed.trim());
      const result = await lookupPaymentClientAction(undefined, formData);
      if (result.status === 'success') {
        setClient(result.data);
        setError(undefined);
        onFound();
      } else {
        setClient(null);
        setError(result.status === 'error' ? (result.fieldErrors.clientNumber ?? [result.message]) : undefined);
      }
    });
  }

  return {
    number,
    setNumber,
    client,
    error,
    isLooking,
    lookUp,
    /** Another client in place of the one typed (a member's head). */
    switchTo(other: number) {
      setNumber(String(other));
      lookUp(String(other));
    },
  };
}
