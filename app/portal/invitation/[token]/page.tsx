import { Link } from '@/components/link';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/client-messages';
import { getDb } from '@/db/index';
import { AppError } from '@/lib/errors';
import { readInvitation } from '@/lib/portal/portal-users';
import { InvitationForm } from './invitation-form';

/**
 * The link of an invitation to the client portal: no one is signed in; the page shows whose it is
 * and asks for a password, or says why the link no longer opens (used, expired, replaced, forged).
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  // A link's token is letters, digits, `.`, `-` and `_` only: anything else is refused as not ours.
  const token = (await params).token.slice(0, 200);
  const t = await getTranslations();
  let invitation: Awaited<ReturnType<typeof readInvitation>> | null = null;
  let refusal: string | null = null;
  try {
    invitation = await readInvitation(getDb(), token);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    refusal = t(`errors.${error.code}`, error.params);
  }
  return (
    <ClientMessages namespaces={['portalInvitation']}>
      <main className="page narrow login" id="content">
        <p className="brand">{t('common.appName')}</p>
        <h1>{t('portalInvitation.title')}</h1>
        {invitation ? (
          <>
            <p>{t('portalInvitation.intro', { name: invitation.name, email: invitation.email })}</p>
            <InvitationForm token={token} />
          </>
        ) : (
          <>
            <p className="form-error" role="alert" data-testid="invitation-refused">
              {refusal}
            </p>
            <p>
              <Link href="/login">{t('portalInvitation.signIn')}</Link>
            </p>
          </>
        )}
      </main>
    </ClientMessages>
  );
}
