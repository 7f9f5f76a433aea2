import { PlannedScreen } from '@/components/planned-screen';
import { requireRoute } from '@/lib/auth/current-user';

export default async function Page() {
  await requireRoute('/calls/new');
  return <PlannedScreen screen="callNew" />;
}
