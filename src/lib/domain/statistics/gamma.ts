/*
 * Chi-square tail probabilities through the regularized upper incomplete gamma function
 * Q(a, x) = Γ(a, x) / Γ(a), following Press et al., Numerical Recipes, 3rd ed., §6.1–6.2:
 * Lanczos approximation for ln Γ, the power series for P = 1 − Q when x < a + 1 and Lentz's
 * continued fraction for Q otherwise (each converges fast on its side).
 */

const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
	-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
	1.5056327351493116e-7
];
const RELATIVE_TOLERANCE = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
	if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
	// The Lanczos sum is accurate for x ≥ 0.5; below, Γ(x) = Γ(x + 1) / x.
	if (x < 0.5) return logGamma(x + 1) - Math.log(x);
	const shifted = x - 1;
	let series = LANCZOS_COEFFICIENTS[0];
	for (let index = 1; index < LANCZOS_COEFFICIENTS.length; index += 1) {
		series += LANCZOS_COEFFICIENTS[index] / (shifted + index);
	}
	const t = shifted + LANCZOS_G + 0.5;
	return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
}

/** e^(−x) x^a / Γ(a), the common prefactor of the series and the continued fraction. */
function gammaPrefactor(a: number, x: number): number {
	return Math.exp(-x + a * Math.log(x) - logGamma(a));
}

function lowerGammaSeries(a: number, x: number): number {
	let denominator = a;
	let term = 1 / a;
	let sum = term;
	for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
		denominator += 1;
		term *= x / denominator;
		sum += term;
		if (Math.abs(term) < Math.abs(sum) * RELATIVE_TOLERANCE) return sum * gammaPrefactor(a, x);
	}
	throw new Error(`incomplete gamma series did not converge for a = ${a}, x = ${x}`);
}

function upperGammaContinuedFraction(a: number, x: number): number {
	let b = x + 1 - a;
	let c = 1 / TINY;
	let d = 1 / b;
	let fraction = d;
	for (let index = 1; index <= MAX_ITERATIONS; index += 1) {
		const numerator = -index * (index - a);
		b += 2;
		d = numerator * d + b;
		if (Math.abs(d) < TINY) d = TINY;
		c = b + numerator / c;
		if (Math.abs(c) < TINY) c = TINY;
		d = 1 / d;
		const step = d * c;
		fraction *= step;
		if (Math.abs(step - 1) < RELATIVE_TOLERANCE) return fraction * gammaPrefactor(a, x);
	}
	throw new Error(`incomplete gamma continued fraction did not converge for a = ${a}, x = ${x}`);
}

/** Q(a, x) = Γ(a, x) / Γ(a) for a > 0, x ≥ 0. */
export function regularizedUpperGamma(a: number, x: number): number {
	if (!(a > 0)) throw new RangeError(`regularizedUpperGamma needs a > 0, got ${a}`);
	if (!(x >= 0)) throw new RangeError(`regularizedUpperGamma needs x ≥ 0, got ${x}`);
	if (x === 0) return 1;
	if (x < a + 1) return Math.min(1, Math.max(0, 1 - lowerGammaSeries(a, x)));
	return Math.min(1, Math.max(0, upperGammaContinuedFraction(a, x)));
}

/** P(X ≥ x) for X ~ χ² with the given degrees of freedom. */
export function chiSquareUpperTail(x: number, degreesOfFreedom: number): number {
	if (!(degreesOfFreedom > 0)) {
		throw new RangeError(`degrees of freedom must be positive, got ${degreesOfFreedom}`);
	}
	if (x <= 0) return 1;
	return regularizedUpperGamma(degreesOfFreedom / 2, x / 2);
}

/** Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|) = P(χ²₁ ≥ z²). */
export function standardNormalTwoSidedP(z: number): number {
	return chiSquareUpperTail(z * z, 1);
}
