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

  static webhookMalformed(reason: string): PaymentError {
    return new PaymentError(
      PaymentErrorCode.WebhookMalformed,
      ErrorKind.Invalid,
      `Webhook event is malformed: ${reason}`,
    );
  }

  static refundRequestNotFound(): PaymentError {
    return new PaymentError(
      PaymentErrorCode.RefundRequestNotFound,
      ErrorKind.NotFound,
      'No such refund request.',
    );
  }

  static refundNotRetryable(status: string): PaymentError {
    return new PaymentError(
      PaymentErrorCode.RefundNotRetryable,
      ErrorKind.Conflict,
      `This refund is ${status}: there is nothing to retry.`,
    );
  }

  /** The provider refused for good (e.g. the money was already refunded elsewhere). */
  static refundRefused(reason: string): PaymentError {
    return new PaymentError(
      PaymentErrorCode.RefundNotRetryable,
      ErrorKind.Conflict,
      `The payment provider refused the refund: ${reason}`,
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

  static authenticationRequired(): PaymentError {
    return new PaymentError(
      PaymentErrorCode.AuthenticationRequired,
      ErrorKind.PaymentRequired,
      'The bank wants the card holder to confirm this payment; a payment link was sent.',
    );
  }

  static nothingToRefund(): PaymentError {
    return new PaymentError(
      PaymentErrorCode.NothingToRefund,
      ErrorKind.Conflict,
      'Nothing is left to refund on this payment.',
    );
  }

  static notFound(): PaymentError {
    return new PaymentError(
      PaymentErrorCode.PaymentNotFound,
      ErrorKind.NotFound,
      'No such payment.',
    );
  }

  static payoutAccountNotReady(): PaymentError {
    return new PaymentError(
      PaymentErrorCode.PayoutAccountNotReady,
      ErrorKind.Conflict,
      "The photographer's payout account cannot receive money yet; the transfer waits.",
    );
  }
}
