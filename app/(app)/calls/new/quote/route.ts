import { quoteForCallForm } from '@/actions/call-quote';
import { defineQueryRoute } from '@/actions/define-query-route';
import { quoteInput } from '@/lib/calls/call-input';

/** The call-taking screen's preview as JSON (actions/call-quote.ts), asked as the dispatcher types. It only reads. */
export const GET = defineQueryRoute({ route: '/calls/new/quote', input: quoteInput, run: quoteForCallForm });
