/**
 * Singula fault codes, HTTP statuses and suggested user messages, from the provider's fault tables (seeds/002 and
 * reference/PROVIDERS.md), and the JSON body every POST carries.
 */
import { failWith, jsonResponse, reasonPhrase } from '../../http';
import { parseJsonObject, type JsonObject } from '../../json';
import type { ProviderRequest, ProviderResponse } from '../../types';

// ---- faults ---------------------------------------------------------------------------------------------------

/** How much of the error body the real API sends for a fault (some send no messages at all). */
type FaultBodyShape = 'full' | 'developerMessageOnly' | 'codeOnly';

interface FaultDefinition {
	status: number;
	fault: string;
	userMessage: string;
	shape?: FaultBodyShape;
}

export const FAULTS = {
	90001: { status: 400, fault: 'InvalidRequestFault', userMessage: 'Invalid request' },
	90006: {
		status: 500,
		fault: 'ContractCancellation',
		userMessage: 'The contract could not be cancelled',
	},
	90016: {
		status: 400,
		fault: 'InvalidCancellationDate',
		userMessage: 'Cancellation date is not valid',
	},
	90017: {
		status: 400,
		fault: 'InvalidContractState',
		userMessage: 'Contract is not in a valid state for this action',
	},
	90018: {
		status: 400,
		fault: 'InvalidCrossgradePathFault',
		userMessage: 'Contract cannot be crossgraded to this item',
	},
	90022: { status: 404, fault: 'InvalidDiscountCodeFault', userMessage: 'Discount does not exist' },
	90025: { status: 400, fault: 'InvalidPaymentMethod', userMessage: 'Payment method is not valid' },
	90029: {
		status: 400,
		fault: 'InvalidStateForCrossgradeFault',
		userMessage: 'Contract cannot be crossgraded',
	},
	90031: { status: 400, fault: 'InvalidVCNFault', userMessage: 'Viewing Card provided is Invalid' },
	90041: { status: 404, fault: 'NoContractFoundFault', userMessage: 'Contract ID does not exist' },
	90045: { status: 400, fault: 'PaymentAuthorisationFault', userMessage: 'Payment attempt failed' },
	90050: {
		status: 500,
		fault: 'PaymentSystemFault',
		userMessage: 'Payment collection cannot be attempted at this time',
		shape: 'codeOnly',
	},
	90061: {
		status: 500,
		fault: 'SystemFailureFault',
		userMessage: 'System Failure, Please try again later',
	},
	// Status not seen (the public client only shows the code and texts): 404 is inferred.
	90068: {
		status: 404,
		fault: 'CustomerNotLocated',
		userMessage: 'Customer cannot be located',
	},
	90063: {
		status: 400,
		fault: 'UnableToCrossgradeFault',
		userMessage: 'Crossgrade cannot be completed',
		shape: 'developerMessageOnly',
	},
	90077: {
		status: 400,
		fault: 'VCNCurrencyMismatchFault',
		userMessage: 'Viewing Card is not set for provided currency',
	},
	90078: {
		status: 400,
		fault: 'VCNInUseFault',
		userMessage: 'This viewing card is already in use on another record',
	},
	90079: {
		status: 400,
		fault: 'VCNRequiredFault',
		userMessage: 'A Viewing Card is required for this purchase',
	},
} satisfies Record<number, FaultDefinition>;

export type FaultCode = keyof typeof FAULTS;

function faultBody(code: FaultCode, developerMessage: string): Record<string, unknown> {
	const definition: FaultDefinition = FAULTS[code];
	const moreInfo = `https://docs.example/errors/${code}`;
	switch (definition.shape ?? 'full') {
		case 'codeOnly':
			return { errorCode: code };
		case 'developerMessageOnly':
			return { errorCode: code, developerMessage };
		default:
			return {
				errorCode: code,
				developerMessage: `${definition.fault}: ${developerMessage}`,
				userMessage: definition.userMessage,
				moreInfo,
			};
	}
}

/** Answers with the fault `code` (status and body shape from {@link FAULTS}). */
export function fault(code: FaultCode, developerMessage: string): never {
	failWith(jsonResponse(FAULTS[code].status, faultBody(code, developerMessage)));
}

export function statusError(status: number): ProviderResponse {
	const text = reasonPhrase(status);
	return jsonResponse(status, {
		errorCode: status,
		developerMessage: text,
		userMessage: text,
		moreInfo: `https://docs.example/errors/${status}`,
	});
}

export const authenticationFailed = () =>
	jsonResponse(401, {
		errorCode: 401,
		developerMessage: 'HMAC authentication failed',
		userMessage: 'Authentication failed',
	});

// ---- request body -----------------------------------------------------------------------------------------

/** Every POST carries a JSON object (at least `{}`); anything else is 90001. */
export function jsonBody(request: ProviderRequest): JsonObject {
	const body = parseJsonObject(request.body);
	if (!body)
		fault(
			90001,
			request.body.trim() === ''
				? 'A JSON request body is required'
				: 'The request body is not a JSON object',
		);
	return body;
}
