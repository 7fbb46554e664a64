/**
 * HubSpot amount -> ExpectedCustomerSpend. AWS wants the expected MONTHLY AWS spend as a string with at most two
 * decimals, in USD or EUR; HubSpot amounts are usually total contract values, hence the configurable ratio.
 */
import type { MapperConfig } from './config';
import { ACCEPTED_CURRENCIES } from './tables/awsValues';
import { LIMITS } from './tables/constraints';

/** Largest amount handled exactly enough to keep cents right in floating point. */
const MAX_AMOUNT = 1e13;

/** A number from HubSpot text ("1234.5", "1,234.50", "$ 1 234"), or undefined. */
export function parseAmount(value: unknown): number | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	const text = String(value).trim().replace(/[\s$€£_]/gu, '');
	if (!text) return undefined;
	// "1,234.50" -> 1234.50; "1234,50" (decimal comma, no dot) -> 1234.50
	const normalised = text.includes('.') ? text.replace(/,/gu, '') : text.replace(/,(\d{1,2})$/u, '.$1').replace(/,/gu, '');
	if (!/^-?\d+(\.\d+)?$/u.test(normalised)) return undefined;
	return Number(normalised);
}

export function roundCents(n: number): number {
	return Math.round((n + Math.sign(n) * Number.EPSILON * Math.abs(n)) * 100) / 100;
}

/** "83.33", "100", "100.5": the AWS Amount pattern, no exponent, no trailing zeros. */
export function formatAmount(n: number): string {
	const fixed = roundCents(n).toFixed(2);
	return fixed.replace(/\.?0+$/u, '') || '0';
}

/** Canonical form of an Amount string (so "100.00" and "100" compare equal). */
export function canonicalAmount(amount: string | undefined): string | undefined {
	if (amount === undefined || amount === '') return amount;
	const n = parseAmount(amount);
	return n === undefined ? amount : formatAmount(n);
}

export type SpendResult =
	| { ok: true; amount: string; currency: string; converted?: { from: string; rate: number } }
	| { ok: false; code: string; message: string };

/**
 * The monthly spend for a deal. `monthlyOverride` (aws_expected_spend) is already monthly and wins over
 * amount × ratio.
 */
export function expectedMonthlySpend(
	amount: unknown,
	monthlyOverride: unknown,
	currencyCode: unknown,
	config: MapperConfig,
): SpendResult {
	const override = parseAmount(monthlyOverride);
	const total = parseAmount(amount);
	const overrideText = monthlyOverride === null || monthlyOverride === undefined ? '' : String(monthlyOverride).trim();
	let monthly: number;
	if (overrideText && override === undefined) {
		return { ok: false, code: 'invalid_value', message: `The expected monthly AWS spend "${overrideText}" is not a number` };
	}
	if (override !== undefined) {
		monthly = override;
	} else if (total !== undefined) {
		monthly = total * config.amountRatio;
	} else if (amount !== undefined && amount !== null && String(amount).trim() !== '') {
		return { ok: false, code: 'invalid_value', message: `The deal amount "${String(amount)}" is not a number` };
	} else {
		return {
			ok: false,
			code: 'missing',
			message: 'The deal has no amount: AWS needs the expected monthly AWS spend (greater than 0)',
		};
	}
	if (!(monthly > 0)) {
		return {
			ok: false,
			code: 'out_of_range',
			message: 'The expected monthly AWS spend must be greater than 0: set the deal amount',
		};
	}
	let currency = String(currencyCode ?? '').trim().toUpperCase() || config.defaultCurrency;
	let converted: { from: string; rate: number } | undefined;
	if (!ACCEPTED_CURRENCIES.includes(currency)) {
		const rate = config.conversionRates[currency];
		if (config.currencyPolicy !== 'convert') {
			return {
				ok: false,
				code: 'unsupported_currency',
				message: `The deal is in ${currency}, but AWS accepts only USD or EUR: change the deal currency, or turn on currency conversion in the mapper`,
			};
		}
		if (!rate) {
			return {
				ok: false,
				code: 'unsupported_currency',
				message: `The deal is in ${currency} and the mapper has no conversion rate from ${currency} to ${config.convertTo}: add one in the mapper settings`,
			};
		}
		monthly *= rate;
		converted = { from: currency, rate };
		currency = config.convertTo;
	}
	if (monthly >= MAX_AMOUNT || formatAmount(monthly).split('.')[0].length > LIMITS.amountIntegerDigits) {
		return { ok: false, code: 'out_of_range', message: 'The expected monthly AWS spend is implausibly large: check the deal amount' };
	}
	const formatted = formatAmount(monthly);
	if (formatted === '0') {
		return { ok: false, code: 'out_of_range', message: 'The expected monthly AWS spend rounds to 0: check the deal amount' };
	}
	return { ok: true, amount: formatted, currency, ...(converted ? { converted } : {}) };
}

/** The HubSpot amount for a monthly AWS spend (inverse of the ratio), as HubSpot text. */
export function dealAmountFromMonthly(monthly: string | undefined, config: MapperConfig): string | undefined {
	const n = parseAmount(monthly);
	if (n === undefined || !(config.amountRatio > 0)) return undefined;
	return formatAmount(n / config.amountRatio);
}
