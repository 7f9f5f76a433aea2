'use client';

import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createCallAction, updateCallAction } from '@/actions/calls';
import { ActionForm, ActionMessage, SubmitRow, useActionForm } from '@/components/form/action-form';
import { bindFields } from '@/components/form/bind-fields';
import { SelectField, TextField } from '@/components/form/fields';
import { BILLING_TYPES, SERVICE_TYPES } from '@/lib/calls/call-input';
import { freshCallValues } from '@/lib/calls/fresh-call';
import { referenceFieldName, type ReferenceRule, type ReferenceValues } from '@/lib/references/reference-rules';
import { useCallQuote, type PassengerQuote } from './use-call-quote';

export type CallFormValues = {
  clientNumber: string;
  serviceDate: string;
  serviceTime: string;
  caller: string;
  pickupAddress: string;
  destinationAddress: string;
  distanceKm: string;
  waitingMinutes: string;
  serviceType: string;
  clientReference: string;
  notes: string;
  /** A passenger trip's; empty: its tariff's default. */
  billingType: string;
  billingHours: string;
  originMunicipality: string;
  destinationMunicipality: string;
  sevNumber: string;
};

type Props = {
  /** Editing call `number`, or taking a new call when absent. */
  number?: number;
  initial: CallFormValues;
  /** The municipalities' names, offered as the trip's municipalities are typed. */
  municipalities: readonly string[];
  /** The call edited is a passenger trip (its tariff's), until the client's tariff of today is known. */
  passenger?: PassengerQuote | null;
  /** The call edited: its references' values, and the rules asking for them until its client's are read. */
  references?: { values: ReferenceValues; rules: ReferenceRule[] };
};

/**
 * Call taking, made for the keyboard: focus starts on the client number, the tab order follows
 * the form, Enter saves; after saving the call number is announced and the next call starts. A
 * client whose tariff is passenger transport adds its trip's fields: each municipality after its
 * address (typed with the list's names offered), then, after the service type, the billing type
 * (its tariff's default until another is chosen), the hours of a trip by the hour and the SEV bill
 * number. A courier call shows none of them, nor sends them. The references the client and its head
 * require follow the client reference, each required, offered as a list when its values are.
 */
export function CallForm({ number, initial, municipalities, passenger: initialPassenger = null, references: initialReferences }: Props) {
  const t = useTranslations('callForm');
  const tr = useTranslations('references');
  const [values, setValues] = useState(initial);
  const [referenceValues, setReferenceValues] = useState<ReferenceValues>(initialReferences?.values ?? {});
  const clientField = useRef<HTMLInputElement>(null);
  const [holdOverride, setHoldOverride] = useState('');
  const isNew = number === undefined;
  // A new call, or a call moved to another client, goes through the credit hold; a call edited
  // for the same client does not (docs/business-rules.md, Credit hold).
  const isClientChanged = isNew || values.clientNumber.trim() !== initial.clientNumber.trim();

  const { quote: shownQuote, reset: resetQuote } = useCallQuote(values);
  const form = useActionForm<{ message: string }>(isNew ? createCallAction : updateCallAction, {
    onSuccess: isNew
      ? () => {
          setValues(freshCallValues());
          setReferenceValues({});
          setHoldOverride('');
          resetQuote();
          clientField.current?.focus();
        }
      : undefined,
  });
  const errors = form.fieldErrors;
  const { field } = bindFields(values, setValues, errors);
  // The client's tariff of today once known; until then, an edited call's own.
  const passenger = shownQuote && 'clientName' in shownQuote ? shownQuote.passenger : isClientChanged ? null : initialPassenger;
  const billingType = values.billingType || passenger?.defaultBillingType || '';
  const referenceRules =
    shownQuote && 'clientName' in shownQuote ? shownQuote.references : isClientChanged ? [] : (initialReferences?.rules ?? []);
  const referenceField = (rule: ReferenceRule) => {
    const name = referenceFieldName(rule.label);
    const common = {
      name,
      id: `reference-${rule.id}`,
      label: rule.label,
      hint:
        rule.format === null
          ? tr('callHint', { number: rule.clientNumber })
          : tr('callHintFormat', { number: rule.clientNumber, format: rule.format, example: rule.example ?? '' }),
      value: referenceValues[rule.label] ?? '',
      onChange: (event: { target: { value: string } }) =>
        setReferenceValues((current) => ({ ...current, [rule.label]: event.target.value })),
      errors: errors[name],
      required: true,
    };
    return rule.allowedValues.length > 0 ? (
      <SelectField
        key={rule.id}
        {...common}
        options={[{ value: '', label: '' }, ...rule.allowedValues.map((v) => ({ value: v, label: v }))]}
      />
    ) : (
      <TextField key={rule.id} {...common} autoComplete="off" maxLength={100} />
    );
  };
  const municipalityField = (name: 'originMunicipality' | 'destinationMunicipality') =>
    passenger ? (
      <TextField
        {...field(name)}
        label={t(name)}
        hint={t('municipalityHint')}
        list="call-municipalities"
        required
        autoComplete="off"
        maxLength={100}
      />
    ) : null;

  return (
    <ActionForm form={form} fields={{ number }} className="form call-form">
      <div className="call-grid">
        <div className="call-client">
          <TextField
            {...field('clientNumber')}
            ref={clientField}
            label={t('clientNumber')}
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            required
          />
          <p className="client-lookup" aria-live="polite" data-testid="client-lookup">
            {shownQuote && 'clientName' in shownQuote ? (
              <strong>{shownQuote.clientName}</strong>
            ) : shownQuote && 'error' in shownQuote ? (
              <span className="error">{shownQuote.error}</span>
            ) : null}
          </p>
        </div>
        {isClientChanged && shownQuote && 'hold' in shownQuote && shownQuote.hold ? (
          <div className="notice hold" role="alert" data-testid="credit-hold">
            <p>
              <strong>{shownQuote.hold.title}</strong> — {shownQuote.hold.billedOn}
            </p>
            <ul>
              {shownQuote.hold.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            {shownQuote.hold.canOverride ? (
              <TextField
                name="holdOverride"
                label={t('holdOverride')}
                hint={t('holdOverrideHint')}
                value={holdOverride}
                onChange={(event) => setHoldOverride(event.target.value)}
                errors={errors.holdOverride}
                maxLength={500}
              />
            ) : null}
          </div>
        ) : null}
        {/* Plain text fields: one tab stop each, unlike the browser's date and time pickers. */}
        <TextField {...field('serviceDate')} label={t('serviceDate')} hint={t('dateFormat')} required autoComplete="off" maxLength={10} />
        <TextField {...field('serviceTime')} label={t('serviceTime')} hint={t('timeFormat')} required autoComplete="off" maxLength={5} />
        <TextField {...field('caller')} label={t('caller')} autoComplete="off" />
        <TextField {...field('pickupAddress')} label={t('pickupAddress')} required autoComplete="off" />
        {municipalityField('originMunicipality')}
        <TextField {...field('destinationAddress')} label={t('destinationAddress')} required autoComplete="off" />
        {municipalityField('destinationMunicipality')}
        <TextField {...field('distanceKm')} label={t('distanceKm')} inputMode="decimal" autoComplete="off" />
        <TextField {...field('waitingMinutes')} label={t('waitingMinutes')} inputMode="numeric" autoComplete="off" />
        <SelectField
          {...field('serviceType')}
          label={t('serviceType')}
          options={SERVICE_TYPES.map((type) => ({ value: type, label: t(`serviceTypes.${type}`) }))}
        />
        {passenger ? (
          <>
            <SelectField
              {...field('billingType')}
              value={billingType}
              label={t('billingType')}
              hint={t('billingTypeHint')}
              options={BILLING_TYPES.map((type) => ({ value: type, label: t(`billingTypes.${type}`) }))}
            />
            {billingType === 'hourly' ? (
              <TextField
                {...field('billingHours')}
                label={t('billingHours')}
                hint={t('billingHoursHint')}
                inputMode="decimal"
                required
                autoComplete="off"
                maxLength={5}
              />
            ) : null}
            <TextField {...field('sevNumber')} label={t('sevNumber')} hint={t('sevNumberHint')} autoComplete="off" maxLength={40} />
          </>
        ) : null}
        <TextField {...field('clientReference')} label={t('clientReference')} autoComplete="off" />
        {referenceRules.map(referenceField)}
        <TextField {...field('notes')} label={t('notes')} autoComplete="off" />
      </div>
      <datalist id="call-municipalities">
        {municipalities.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <div className="price-preview" aria-live="polite" data-testid="price-preview">
        <span className="label">{t('price')}</span>
        {shownQuote && 'price' in shownQuote ? (
          <>
            <strong>{shownQuote.price}</strong> <span className="hint">{shownQuote.detail}</span>
          </>
        ) : (
          <span className="hint">{t('noPrice')}</span>
        )}
      </div>
      <ActionMessage />
      <SubmitRow label={isNew ? t('save') : t('saveChanges')} pendingLabel={t('saving')}>
        <p className="hint">{t('keyboardHint')}</p>
      </SubmitRow>
    </ActionForm>
  );
}
