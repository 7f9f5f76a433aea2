import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { companySettings } from '@/db/schema';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { AGING_BUCKETS } from '@/lib/receivables/aging-buckets';
import type { LedgerEntry } from '@/lib/receivables/ledger';
import type { Statement } from '@/lib/statements/statement';
import { FontPrimerPage } from '../font-primer';
import { pageLabel, statementLabel, type StatementWord } from '@/lib/i18n/document-words';
import { AddressBox, Letterhead, MetaRow, PageFooter } from './letterhead';
import { COLOURS, PAGE_SIZE, styles as shared } from './styles';

type Company = typeof companySettings.$inferSelect;

const styles = {
  ...shared,
  ...StyleSheet.create({
    title: { ...shared.title, marginBottom: 4 },
    sectionTitle: { ...shared.band, marginTop: 14 },
    strongRow: { fontWeight: 'bold' },
    document: { flexGrow: 1, flexBasis: 0, paddingRight: 6 },
    detail: { width: 70, paddingRight: 6 },
    number: { width: 80 },
    days: { width: 70, textAlign: 'right' },
    amount: { width: 66, textAlign: 'right' },
    bucket: { flexGrow: 1, flexBasis: 0, textAlign: 'right' },
    memberRow: { flexDirection: 'row', paddingVertical: 1.5, paddingLeft: 14, color: COLOURS.muted },
    memberName: { flexGrow: 1, flexBasis: 0 },
    totals: { ...shared.totals, width: 230 },
    totalRow: { ...shared.totalRow, justifyContent: 'space-between' },
  }),
};

/** The title of a statement's PDF (its document title, and the batch's file). */
export function statementTitle(statement: Pick<Statement, 'client' | 'to'>): string {
  return `${statementLabel('statement', 'fr')} ${statement.client.number} ${statement.to}`;
}

/**
 * A statement of account as one document, with its own page numbers; `isPrimed`, a part of a
 * merged batch, starts with the page that fixes its fonts (lib/pdf/font-primer.tsx).
 */
export function StatementDocument({
  statement,
  company,
  isPrimed = false,
}: {
  statement: Statement;
  company: Company;
  isPrimed?: boolean;
}) {
  return (
    <Document title={statementTitle(statement)} author={company.name} language="fr-CA">
      {isPrimed ? <FontPrimerPage /> : null}
      <StatementPage statement={statement} company={company} pagesBefore={isPrimed ? 1 : 0} />
    </Document>
  );
}

const KIND_WORD: Record<LedgerEntry['kind'], StatementWord> = {
  invoice: 'invoice',
  void: 'void',
  credit_note: 'creditNote',
  payment: 'payment',
  reversal: 'reversal',
};

/** `pagesBefore`: pages of the document ahead of the statement (the primer), left out of its numbers. */
function StatementPage({ statement, company, pagesBefore }: { statement: Statement; company: Company; pagesBefore: number }) {
  const language = statement.client.language;
  const label = (word: StatementWord) => statementLabel(word, language);
  const money = (cents: number) => formatMoney(cents, 'fr');
  const date = (iso: string) => formatDate(iso, 'fr');
  const { client } = statement;
  const detailOf = (entry: LedgerEntry) =>
    entry.kind === 'credit_note' && entry.detail ? `${label('creditNoteOn')} ${entry.detail}` : (entry.detail ?? '');
  return (
    <Page size={PAGE_SIZE} style={styles.page}>
      <Letterhead logo={company.logoPng} sender={company}>
        {/* Bilingual, the title takes a line per language: one line would run off the page. */}
        {label('statement')
          .split(' / ')
          .map((title) => (
            <Text key={title} style={styles.title}>
              {title}
            </Text>
          ))}
        <MetaRow label={label('period')}>
          {date(statement.from)} – {date(statement.to)}
        </MetaRow>
        <MetaRow label={label('asOf')}>{date(statement.to)}</MetaRow>
        <MetaRow label={label('client')}>{client.number}</MetaRow>
        {statement.kind === 'grouped' ? <Text style={styles.muted}>{label('grouped')}</Text> : null}
      </Letterhead>
      <AddressBox title={label('account')} clientLabel={label('client')} clientNumber={client.number} address={client} />

      <View style={[styles.row, styles.headRow]} wrap={false}>
        <Text style={styles.date}>{label('date')}</Text>
        <Text style={styles.document}>{label('document')}</Text>
        <Text style={styles.detail}>{label('due')}</Text>
        <Text style={styles.amount}>{label('debit')}</Text>
        <Text style={styles.amount}>{label('credit')}</Text>
        <Text style={styles.amount}>{label('balance')}</Text>
      </View>
      <View style={[styles.row, styles.strongRow]} wrap={false}>
        <Text style={styles.date}>{statement.from}</Text>
        <Text style={styles.document}>{label('opening')}</Text>
        <Text style={styles.detail} />
        <Text style={styles.amount} />
        <Text style={styles.amount} />
        <Text style={styles.amount}>{money(statement.openingCents)}</Text>
      </View>
      {statement.entries.map((entry) => (
        <View key={`${entry.kind}-${entry.number}`} style={styles.row} wrap={false}>
          <Text style={styles.date}>{entry.date}</Text>
          <Text style={styles.document}>
            {label(KIND_WORD[entry.kind])} {entry.number}
            {detailOf(entry) ? ` — ${detailOf(entry)}` : ''}
          </Text>
          <Text style={styles.detail}>{entry.dueDate ?? ''}</Text>
          <Text style={styles.amount}>{entry.amountCents > 0 ? money(entry.amountCents) : ''}</Text>
          <Text style={styles.amount}>{entry.amountCents < 0 ? money(-entry.amountCents) : ''}</Text>
          <Text style={styles.amount}>{money(entry.balanceCents)}</Text>
        </View>
      ))}
      {statement.entries.length === 0 ? (
        <View style={styles.row} wrap={false}>
          <Text style={[styles.document, styles.muted]}>{label('noDocument')}</Text>
        </View>
      ) : null}
      <View style={[styles.row, styles.strongRow]} wrap={false}>
        <Text style={styles.date}>{statement.to}</Text>
        <Text style={styles.document}>{label('closing')}</Text>
        <Text style={styles.detail} />
        <Text style={styles.amount} />
        <Text style={styles.amount} />
        <Text style={styles.amount}>{money(statement.closingCents)}</Text>
      </View>

      <View wrap={false}>
        <Text style={styles.sectionTitle}>
          {label('aging')} — {label('asOf')} {date(statement.to)}
        </Text>
        <View style={[styles.row, styles.headRow]}>
          {AGING_BUCKETS.map((bucket) => (
            <Text key={bucket} style={styles.bucket}>
              {label(bucket)}
            </Text>
          ))}
          {statement.creditCents > 0 ? <Text style={styles.bucket}>{label('creditOnAccount')}</Text> : null}
          <Text style={styles.bucket}>{label('balance')}</Text>
        </View>
        <View style={styles.row}>
          {AGING_BUCKETS.map((bucket) => (
            <Text key={bucket} style={styles.bucket}>
              {money(statement.aging[bucket])}
            </Text>
          ))}
          {statement.creditCents > 0 ? <Text style={styles.bucket}>{money(-statement.creditCents)}</Text> : null}
          <Text style={styles.bucket}>{money(statement.closingCents)}</Text>
        </View>
      </View>

      <Text style={styles.sectionTitle} minPresenceAhead={40}>
        {label('openInvoices')} — {label('asOf')} {date(statement.to)}
      </Text>
      <View style={[styles.row, styles.headRow]} wrap={false}>
        <Text style={styles.number}>{label('invoiceNumber')}</Text>
        <Text style={styles.date}>{label('date')}</Text>
        <Text style={styles.date}>{label('due')}</Text>
        <Text style={styles.document} />
        <Text style={styles.days}>{label('daysPastDue')}</Text>
        <Text style={styles.amount}>{label('total')}</Text>
        <Text style={styles.amount}>{label('balanceDue')}</Text>
      </View>
      {statement.openInvoices.map((invoice) => (
        <View key={invoice.id} wrap={false}>
          <View style={styles.row}>
            <Text style={styles.number}>{invoice.number}</Text>
            <Text style={styles.date}>{invoice.issueDate}</Text>
            <Text style={styles.date}>{invoice.dueDate}</Text>
            <Text style={styles.document} />
            <Text style={styles.days}>{invoice.daysPastDue > 0 ? invoice.daysPastDue : ''}</Text>
            <Text style={styles.amount}>{money(invoice.totalCents)}</Text>
            <Text style={styles.amount}>{money(invoice.balanceCents)}</Text>
          </View>
          {invoice.members.map((member) => (
            <View key={member.clientNumber} style={styles.memberRow}>
              <Text style={styles.memberName}>
                {label('client')} {member.clientNumber} — {member.name}
              </Text>
              <Text>
                {label('memberSubtotal')} {money(member.subtotalCents)}
              </Text>
            </View>
          ))}
        </View>
      ))}
      {statement.openInvoices.length === 0 ? (
        <View style={styles.row} wrap={false}>
          <Text style={[styles.document, styles.muted]}>{label('noOpenInvoice')}</Text>
        </View>
      ) : null}

      {statement.kind === 'grouped' ? (
        <>
          <Text style={styles.sectionTitle} minPresenceAhead={40}>
            {label('memberSummary')}
          </Text>
          <View style={[styles.row, styles.headRow]} wrap={false}>
            <Text style={styles.document}>{label('member')}</Text>
            <Text style={styles.days}>{label('invoices')}</Text>
            <Text style={styles.days}>{label('calls')}</Text>
            <Text style={[styles.amount, { width: 110 }]}>{label('subtotalBeforeTaxes')}</Text>
          </View>
          {statement.memberSummary.map((member) => (
            <View key={member.clientNumber} style={styles.row} wrap={false}>
              <Text style={styles.document}>
                {member.clientNumber} — {member.name}
              </Text>
              <Text style={styles.days}>{member.invoiceCount}</Text>
              <Text style={styles.days}>{member.lineCount}</Text>
              <Text style={[styles.amount, { width: 110 }]}>{money(member.subtotalCents)}</Text>
            </View>
          ))}
        </>
      ) : null}

      <View style={styles.totals} wrap={false}>
        <View style={[styles.totalRow, styles.grandTotal]}>
          <Text>{label('amountDue')}</Text>
          <Text>{money(statement.closingCents)}</Text>
        </View>
      </View>

      <PageFooter
        fixed
        page={<Text render={({ pageNumber, totalPages }) => pageLabel(pageNumber - pagesBefore, totalPages - pagesBefore, language)} />}
      >
        {company.name} — {label('statement')} {client.number}
      </PageFooter>
    </Page>
  );
}
