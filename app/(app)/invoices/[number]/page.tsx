import { PlannedScreen } from '@/components/planned-screen';
import { requireRoute } from '@/lib/auth/current-user';

export default async function Page({ params }: { params: Promise<{ number: string }> }) {
  await requireRoute('/invoices/[number]');
  const { number } = await params;
  return <PlannedScreen screen="invoice" params={{ number }} />;
}
