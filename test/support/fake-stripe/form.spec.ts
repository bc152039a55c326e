import { parseStripeForm } from './form';

describe(parseStripeForm.name, () => {
  it('rebuilds nested objects and arrays from bracketed keys', () => {
    const body =
      'mode=payment&line_items[0][price_data][unit_amount]=6000&line_items[0][quantity]=1' +
      '&metadata[bookingId]=b-1&expand[0]=payment_intent&expand[1]=customer';
    expect(parseStripeForm(body)).toEqual({
      mode: 'payment',
      line_items: [{ price_data: { unit_amount: '6000' }, quantity: '1' }],
      metadata: { bookingId: 'b-1' },
      expand: ['payment_intent', 'customer'],
    });
  });
});
