import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { ReactNode } from 'react';

/** The look of the list reports (billing list, aging): a landscape table with a title, a fixed header row and a footer. */
export const listReportStyles = StyleSheet.create({
  page: { fontFamily: 'DejaVu Sans', fontSize: 8.5, padding: 32, paddingBottom: 48 },
  title: { fontSize: 14, fontWeight: 'bold', marginBottom: 4 },
  subtitle: { fontSize: 9, marginBottom: 12, color: '#444' },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#ccc', paddingVertical: 3 },
  header: { fontWeight: 'bold', backgroundColor: '#eef1f5' },
  member: { color: '#444', paddingLeft: 14 },
  total: { fontWeight: 'bold', borderTopWidth: 1, borderTopColor: '#333' },
  number: { width: 60 },
  name: { flexGrow: 1, flexBasis: 0 },
  footer: {
    position: 'absolute',
    bottom: 22,
    left: 32,
    right: 32,
    fontSize: 8,
    color: '#666',
    flexDirection: 'row',
    justifyContent: 'space-between',
  },
});

/**
 * A list report's document: a landscape page with the title and subtitle, the header row
 * repeated on every page (`header`, the cells after number and name), the rows, and a footer
 * with the company and the page number.
 */
export function ListReport({
  labels,
  header,
  children,
}: {
  labels: { title: string; subtitle: string; number: string; name: string; company: string; page: (page: number, pages: number) => string };
  header: ReactNode;
  children: ReactNode;
}) {
  const styles = listReportStyles;
  return (
    <Document title={labels.title} language="fr-CA">
      <Page size="LETTER" orientation="landscape" style={styles.page}>
        <Text style={styles.title}>{labels.title}</Text>
        <Text style={styles.subtitle}>{labels.subtitle}</Text>
        <View style={[styles.row, styles.header]} fixed>
          <Text style={styles.number}>{labels.number}</Text>
          <Text style={styles.name}>{labels.name}</Text>
          {header}
        </View>
        {children}
        <View style={styles.footer} fixed>
          <Text>{labels.company}</Text>
          <Text render={({ pageNumber, totalPages }) => labels.page(pageNumber, totalPages)} />
        </View>
      </Page>
    </Document>
  );
}
