import { PlannedScreen } from '@/components/planned-screen';
import { requireRoute } from '@/lib/auth/current-user';

export default async function Page() {
  await requireRoute('/billing');
  return <PlannedScreen screen="billing" />;
}
