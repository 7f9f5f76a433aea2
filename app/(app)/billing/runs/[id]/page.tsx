import { PlannedScreen } from '@/components/planned-screen';
import { requireRoute } from '@/lib/auth/current-user';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requireRoute('/billing/runs/[id]');
  const { id } = await params;
  return <PlannedScreen screen="billingRun" params={{ id }} />;
}
