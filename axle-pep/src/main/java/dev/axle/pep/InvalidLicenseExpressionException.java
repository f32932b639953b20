package dev.axle.pep;

/**
 * A License-Expression that is not a valid SPDX expression or names a license or
 * exception that is not on the SPDX list. The reason reads as pypa/packaging's
 * {@code InvalidLicenseExpression}, e.g. {@code Unknown license: 'foo'}.
 */
public final class InvalidLicenseExpressionException extends PepSyntaxException {
    private static final long serialVersionUID = 1L;

    InvalidLicenseExpressionException(String reason, String input, int start, int end) {
        super(reason, input, start, end);
    }
}
