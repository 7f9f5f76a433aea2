import type { ReactNode } from 'react';
import { Image, Text, View } from '@react-pdf/renderer';
import { ADDRESS_BOX, COMPANY, CONTENT_WIDTH, HEADER_MARGIN, LOGO, META_LABEL_WIDTH, styles, TEXT_SIZE } from './styles';
import type { TextMeasure, TextStyle } from './text-measure';

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

/*
 * The same blocks measured, in points, for a template that cuts its pages itself: where the
 * first page's rows start.
 */

const TEXT: TextStyle = { fontSize: TEXT_SIZE };
const BOLD: TextStyle = { fontSize: TEXT_SIZE, isBold: true };

/** The height of the letterhead with its margin below; `titleSide`, the height of what its right side prints. */
export function letterheadHeight(
  measure: TextMeasure,
  { logo, sender, registrations = [] }: { logo: string | null; sender: Sender; registrations?: { label: string; number: string }[] },
  titleSide: { height: number },
): number {
  const companyStyle: TextStyle = { fontSize: COMPANY.fontSize, isBold: true };
  const lines = [
    sender.addressLine1,
    sender.addressLine2,
    `${sender.city} (${sender.province}) ${sender.postalCode}`,
    sender.phone,
    sender.email,
    ...registrations.map((registration) => `${registration.label} : ${registration.number}`),
  ].filter((line): line is string => Boolean(line));
  const image = logo ? logoSize(logo) : null;
  // The company's lines run as wide as they are, beside the title side (over it when too
  // long: react-pdf shrinks neither side), and wrap only at the page's width.
  const height =
    (image ? image.height + LOGO.marginBottom : 0) +
    measure.lineCount(sender.name, CONTENT_WIDTH, companyStyle) * measure.lineHeight(companyStyle) +
    COMPANY.marginBottom +
    lines.reduce((sum, line) => sum + measure.lineCount(line, CONTENT_WIDTH, TEXT) * measure.lineHeight(TEXT), 0);
  return Math.max(height, titleSide.height) + HEADER_MARGIN;
}

/** The height of a figure of the letterhead's right side (MetaRow), its label wrapped in its column. */
export function metaRowHeight(measure: TextMeasure, label: string): number {
  return measure.lineCount(label, META_LABEL_WIDTH, TEXT) * measure.lineHeight(TEXT);
}

/** The height of an AddressBox with its margin below. */
export function addressBoxHeight(
  measure: TextMeasure,
  { title, clientLabel, clientNumber, address }: { title: string; clientLabel: string; clientNumber: number; address: PostalAddress },
): number {
  const inner = ADDRESS_BOX.width - 2 * (ADDRESS_BOX.border + ADDRESS_BOX.padding);
  const lines = [
    `${clientLabel} ${clientNumber}`,
    address.name,
    address.addressLine1,
    ...(address.addressLine2 ? [address.addressLine2] : []),
    `${address.city} (${address.province}) ${address.postalCode}`,
  ];
  return (
    2 * (ADDRESS_BOX.border + ADDRESS_BOX.padding) +
    measure.lineCount(title, inner, BOLD) * measure.lineHeight(BOLD) +
    ADDRESS_BOX.titleMargin +
    lines.reduce((sum, line) => sum + measure.lineCount(line, inner, TEXT) * measure.lineHeight(TEXT), 0) +
    ADDRESS_BOX.marginBottom
  );
}

/**
 * The logo as react-pdf fits it in its box (LOGO.maxWidth × LOGO.maxHeight, its proportions
 * kept), from the size written in its PNG or JPEG data; a logo not read takes the whole box.
 */
function logoSize(dataUrl: string): { width: number; height: number } {
  const pixels = imagePixels(dataUrl);
  if (!pixels) return { width: LOGO.maxWidth, height: LOGO.maxHeight };
  const ratio = pixels.width / pixels.height;
  return ratio > LOGO.maxWidth / LOGO.maxHeight
    ? { width: LOGO.maxWidth, height: LOGO.maxWidth / ratio }
    : { width: LOGO.maxHeight * ratio, height: LOGO.maxHeight };
}

function imagePixels(dataUrl: string): { width: number; height: number } | null {
  const comma = dataUrl.indexOf(',');
  if (comma < 0) return null;
  // The image's head is enough: its size comes before its pixels (a JPEG's, after its tables).
  const bytes = Buffer.from(dataUrl.slice(comma + 1, comma + 1 + 87_384), 'base64');
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (let at = 2; at + 9 < bytes.length;) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1]!;
      // A start of frame (SOF0 to SOF15, less DHT, JPG and DAC) holds the height, then the width.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
      at += 2 + bytes.readUInt16BE(at + 2);
    }
  }
  return null;
}
