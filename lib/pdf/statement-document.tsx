import { Document, Image, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { companySettings } from '@/db/schema';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { AGING_BUCKETS } from '@/lib/receivables/aging-buckets';
import type { LedgerEntry } from '@/lib/receivables/ledger';
import type { Statement } from '@/lib/statements/statement';
import { FontPrimerPage } from './font-primer';
import { pageLabel } from './invoice-labels';
import { statementLabel, type StatementWord } from './statement-labels';

type Company = typeof companySettings.$inferSelect;

// The invoice's look (lib/pdf/invoice-document.tsx): same fonts, sizes, colours and margins.
const styles = StyleSheet.create({
  page: {
    fontFamily: 'DejaVu Sans',
    fontSize: 8.5,
    paddingTop: 36,
    paddingHorizontal: 40,
    paddingBottom: 56,
    color: '#1d2430',
  },
  header: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 18 },
  company: { fontSize: 12, fontWeight: 'bold', marginBottom: 3 },
  logo: { maxWidth: 140, maxHeight: 48, marginBottom: 6, objectFit: 'contain' },
  muted: { color: '#5a6474' },
  titleBox: { alignItems: 'flex-end' },
  title: { fontSize: 16, fontWeight: 'bold', marginBottom: 4 },
  meta: { flexDirection: 'row', gap: 6 },
  metaLabel: { width: 120, textAlign: 'right', color: '#5a6474' },
  billTo: { borderWidth: 0.75, borderColor: '#c8cfd8', padding: 8, width: 260, marginBottom: 16 },
  billToTitle: { fontWeight: 'bold', marginBottom: 3 },
  sectionTitle: { fontWeight: 'bold', fontSize: 9.5, marginTop: 14, marginBottom: 3, backgroundColor: '#eef1f5', padding: 3 },
  row: { flexDirection: 'row', paddingVertical: 2.5, borderBottomWidth: 0.4, borderBottomColor: '#d5dbe3' },
  headRow: { fontWeight: 'bold', borderBottomWidth: 0.8, borderBottomColor: '#1d2430' },
  strongRow: { fontWeight: 'bold' },
  date: { width: 64 },
  document: { flexGrow: 1, flexBasis: 0, paddingRight: 6 },
  detail: { width: 70, paddingRight: 6 },
  number: { width: 80 },
  days: { width: 70, textAlign: 'right' },
  amount: { width: 66, textAlign: 'right' },
  bucket: { flexGrow: 1, flexBasis: 0, textAlign: 'right' },
  memberRow: { flexDirection: 'row', paddingVertical: 1.5, paddingLeft: 14, color: '#5a6474' },
  memberName: { flexGrow: 1, flexBasis: 0 },
  totals: { marginTop: 14, alignSelf: 'flex-end', width: 230 },
  totalRow: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 2 },
  grandTotal: { fontWeight: 'bold', fontSize: 10.5, borderTopWidth: 1, borderTopColor: '#1d2430', paddingTop: 4 },
  footer: {
    position: 'absolute',
    bottom: 24,
    left: 40,
    right: 40,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontSize: 7.5,
    color: '#5a6474',
  },
});

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
    <Page size="LETTER" style={styles.page}>
      <View style={styles.header}>
        <View>
          {/* eslint-disable-next-line jsx-a11y/alt-text -- a PDF image (react-pdf) has no alt attribute */}
          {company.logoPng ? <Image src={company.logoPng} style={styles.logo} /> : null}
          <Text style={styles.company}>{company.name}</Text>
          <Text>{company.addressLine1}</Text>
          {company.addressLine2 ? <Text>{company.addressLine2}</Text> : null}
          <Text>
            {company.city} ({company.province}) {company.postalCode}
          </Text>
          {company.phone ? <Text>{company.phone}</Text> : null}
          {company.email ? <Text>{company.email}</Text> : null}
        </View>
        <View style={styles.titleBox}>
          {/* Bilingual, the title takes a line per language: one line would run off the page. */}
          {label('statement')
            .split(' / ')
            .map((title) => (
              <Text key={title} style={styles.title}>
                {title}
              </Text>
            ))}
          <View style={styles.meta}>
            <Text style={styles.metaLabel}>{label('period')}</Text>
            <Text>
              {date(statement.from)} – {date(statement.to)}
            </Text>
          </View>
          <View style={styles.meta}>
            <Text style={styles.metaLabel}>{label('asOf')}</Text>
            <Text>{date(statement.to)}</Text>
          </View>
          <View style={styles.meta}>
            <Text style={styles.metaLabel}>{label('client')}</Text>
            <Text>{client.number}</Text>
          </View>
          {statement.kind === 'grouped' ? <Text style={styles.muted}>{label('grouped')}</Text> : null}
        </View>
      </View>
      <View style={styles.billTo}>
        <Text style={styles.billToTitle}>{label('account')}</Text>
        <Text>
          {label('client')} {client.number}
        </Text>
        <Text>{client.name}</Text>
        <Text>{client.addressLine1}</Text>
        {client.addressLine2 ? <Text>{client.addressLine2}</Text> : null}
        <Text>
          {client.city} ({client.province}) {client.postalCode}
        </Text>
      </View>

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

      <View style={styles.footer} fixed>
        <Text>
          {company.name} — {label('statement')} {client.number}
        </Text>
        <Text render={({ pageNumber, totalPages }) => pageLabel(pageNumber - pagesBefore, totalPages - pagesBefore, language)} />
      </View>
    </Page>
  );
}
