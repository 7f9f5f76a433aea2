/**
 * A client's name, contact and address as text, the way a person types them: what the client's
 * form shows and what the clients' export writes (absent values are empty, the billing e-mail
 * addresses one line, comma-separated).
 */
export type ClientContact = {
  number: number;
  name: string;
  contactName: string | null;
  phone: string | null;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  province: string;
  postalCode: string;
  invoiceEmails: readonly string[];
};

export function clientContactText(client: ClientContact) {
  return {
    number: String(client.number),
    name: client.name,
    contactName: client.contactName ?? '',
    phone: client.phone ?? '',
    addressLine1: client.addressLine1,
    addressLine2: client.addressLine2 ?? '',
    city: client.city,
    province: client.province,
    postalCode: client.postalCode,
    invoiceEmails: client.invoiceEmails.join(', '),
  };
}
