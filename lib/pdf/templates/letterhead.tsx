import type { ReactNode } from 'react';
import { Image, Text, View } from '@react-pdf/renderer';
import { styles } from './styles';

/** A name and a postal address as printed (the company, a billed client). */
export type PostalAddress = {
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  province: string;
  postalCode: string;
};

/** The company as a document prints it at its head. */
export type Sender = PostalAddress & { phone: string | null; email: string | null };

/**
 * The head of a document's first page: the company (its logo, name, address, phone, e-mail and,
 * on an invoice, its tax numbers) on the left; on the right the document's title and figures,
 * the `children`.
 */
export function Letterhead({
  logo,
  sender,
  registrations = [],
  children,
}: {
  /** A PNG or JPEG data URL (Administration › Paramètres). */
  logo: string | null;
  sender: Sender;
  /** Numbers printed under the address, each after its label (the GST and QST numbers). */
  registrations?: { label: string; number: string }[];
  children: ReactNode;
}) {
  return (
    <View style={styles.header}>
      <View>
        {/* eslint-disable-next-line jsx-a11y/alt-text -- a PDF image (react-pdf) has no alt attribute */}
        {logo ? <Image src={logo} style={styles.logo} /> : null}
        <Text style={styles.company}>{sender.name}</Text>
        <Text>{sender.addressLine1}</Text>
        {sender.addressLine2 ? <Text>{sender.addressLine2}</Text> : null}
        <Text>
          {sender.city} ({sender.province}) {sender.postalCode}
        </Text>
        {sender.phone ? <Text>{sender.phone}</Text> : null}
        {sender.email ? <Text>{sender.email}</Text> : null}
        {registrations.map((registration) => (
          <Text key={registration.label} style={styles.muted}>
            {registration.label} : {registration.number}
          </Text>
        ))}
      </View>
      <View style={styles.titleBox}>{children}</View>
    </View>
  );
}

/** One figure of the letterhead's right side: its label, then its value. */
export function MetaRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View style={styles.meta}>
      <Text style={styles.metaLabel}>{label}</Text>
      <Text>{children}</Text>
    </View>
  );
}

/** The framed box of the client a document is addressed to, under the letterhead. */
export function AddressBox({
  title,
  clientLabel,
  clientNumber,
  address,
}: {
  title: string;
  clientLabel: string;
  clientNumber: number;
  address: PostalAddress;
}) {
  return (
    <View style={styles.addressBox}>
      <Text style={styles.addressBoxTitle}>{title}</Text>
      <Text>
        {clientLabel} {clientNumber}
      </Text>
      <Text>{address.name}</Text>
      <Text>{address.addressLine1}</Text>
      {address.addressLine2 ? <Text>{address.addressLine2}</Text> : null}
      <Text>
        {address.city} ({address.province}) {address.postalCode}
      </Text>
    </View>
  );
}

/**
 * The foot of every page, in the bottom margin: the company and the document on the left, the
 * page's number on the right (`page`). `fixed`: repeated on each page of a document that wraps.
 */
export function PageFooter({ children, page, fixed }: { children: ReactNode; page: ReactNode; fixed?: boolean }) {
  return (
    <View style={styles.footer} fixed={fixed}>
      <Text>{children}</Text>
      {page}
    </View>
  );
}
