'use client';

import { useEffect, useState } from 'react';
import type { ActionState } from '@/actions/action-state';
import type { CallFormQuote } from '@/actions/call-quote';

import type { BillingType } from '@/lib/calls/call-input';
import type { HoldView } from '@/lib/receivables/describe-hold';
import type { ReferenceRule } from '@/lib/references/reference-rules';

/** A passenger trip's client: the billing type its trip takes unless another is chosen. */
export type PassengerQuote = { defaultBillingType: BillingType };

export type CallQuote =
  | {
      clientName: string;
      price: string;
      detail: string;
      hold: HoldView | null;
      passenger: PassengerQuote | null;
      /** The references its client and head require on the service date. */
      references: ReferenceRule[];
    }
  | { error: string }
  | null;

const isClientNumber = (text: string) => /^\d+$/.test(text.trim());

type Answer = { clientNumber: string; quote: CallQuote };

/**
 * The client's name and the call's price while the dispatcher types, from the server's pricing
 * function (the same as the save's), and whether its calls are passenger trips. Only the answer to what is typed now is kept, and none is
 * shown while the client field holds no number, nor for another client than the one typed. `reset`
 * forgets the last answer once a call is saved, so that the next call never shows its price.
 */
export function useCallQuote(input: { clientNumber: string; distanceKm: string; waitingMinutes: string; serviceDate: string }): {
  quote: CallQuote;
  reset: () => void;
} {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const { clientNumber, distanceKm, waitingMinutes, serviceDate } = input;
  useEffect(() => {
    if (!isClientNumber(clientNumber)) return;
    // What is typed next cancels this question, asked or waiting: only the answer to what is typed now is kept.
    const asked = new AbortController();
    const timer = setTimeout(async () => {
      const query = new URLSearchParams({ clientNumber, distanceKm, waitingMinutes, serviceDate });
      let result: ActionState<CallFormQuote>;
      try {
        const response = await fetch(`/calls/new/quote?${query}`, { signal: asked.signal, cache: 'no-store' });
        result = (await response.json()) as ActionState<CallFormQuote>;
      } catch {
        // Cancelled, or no answer that the server wrote (the network, a session ended): nothing to show.
        return;
      }
      if (asked.signal.aborted) return;
      if (result.status === 'success')
        setAnswer({
          clientNumber,
          quote: {
            clientName: result.data.client.name,
            price: result.data.price,
            detail: result.data.detail,
            hold: result.data.hold,
            passenger: result.data.passenger,
            references: result.data.references,
          },
        });
      else if (result.status === 'error') {
        const error = result.fieldErrors.clientNumber?.join(' ') || Object.values(result.fieldErrors)[0]?.join(' ') || result.message;
        setAnswer({ clientNumber, quote: { error } });
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      asked.abort();
    };
  }, [clientNumber, distanceKm, waitingMinutes, serviceDate]);
  const quote = isClientNumber(clientNumber) && answer?.clientNumber === clientNumber ? answer.quote : null;
  return { quote, reset: () => setAnswer(null) };
}
