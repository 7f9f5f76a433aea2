import { todayInMontreal } from '@/lib/dates/montreal';

const clock = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An empty call form for now, in Montréal time. Safe in the browser and on the server. */
export function freshCallValues(now: Date = new Date()) {
  return {
    clientNumber: '',
    serviceDate: todayInMontreal(now),
    serviceTime: clock.format(now),
    caller: '',
    pickupAddress: '',
    destinationAddress: '',
    distanceKm: '',
    waitingMinutes: '',
    serviceType: 'standard',
    clientReference: '',
    notes: '',
    // A passenger trip's: its billing type empty until chosen (its tariff's default is shown).
    billingType: '',
    billingHours: '',
    originMunicipality: '',
    destinationMunicipality: '',
    sevNumber: '',
  };
}
