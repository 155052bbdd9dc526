package org.jobpricing.server.failures;

import java.util.List;

/** The job cannot be priced as asked: too little market data, an unresolved occupation, rules that cannot price. */
public class CannotPriceException extends DomainException {

    private static final long serialVersionUID = 1L;

    public CannotPriceException(String code, String message, List<?> details) {
        super(code, message, details);
    }

    public CannotPriceException(String code, String message) {
        super(code, message, List.of());
    }
}
