import { PaymentErrorCode } from '../../../shared/payments/payments.types';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';

export class PaymentError extends DomainError {
  static webhookSignatureInvalid(reason: string): PaymentError {
    return new PaymentError(
      PaymentErrorCode.WebhookSignatureInvalid,
      ErrorKind.Invalid,
      `Webhook signature check failed: ${reason}`,
    );
  }

  static onlinePaymentsDisabled(): PaymentError {
    return new PaymentError(
      PaymentErrorCode.OnlinePaymentsDisabled,
      ErrorKind.Conflict,
      'Online payments are not set up here: clients pay at the studio (manual payments).',
    );
  }

  static providerUnavailable(): PaymentError {
    return new PaymentError(
      PaymentErrorCode.ProviderUnavailable,
      ErrorKind.Unavailable,
      'The payment provider did not answer. Nothing was charged; please try again.',
    );
  }
}
