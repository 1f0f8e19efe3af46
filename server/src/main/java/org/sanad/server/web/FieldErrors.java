package org.sanad.server.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Which fields of a request broke which rule, for a problem's {@code errors} member. It names
 * fields the API defines and the constraint broken, never the rejected value, and never a
 * property name the client invented.
 */
final class FieldErrors {

    /**
     * @param field the API field (a dotted path for nested fields)
     * @param rule the broken rule: a constraint name such as {@code NotBlank}, or {@code type}
     */
    record FieldError(String field, String rule) {}

    private FieldErrors() {}

    static List<FieldError> of(Exception ex) {
        List<FieldError> errors = new ArrayList<>();
        switch (ex) {
            case MethodArgumentNotValidException invalid ->
                invalid.getBindingResult()
                        .getFieldErrors()
                        .forEach(error -> errors.add(new FieldError(error.getField(), error.getCode())));
            case HandlerMethodValidationException invalid -> {
                for (ParameterValidationResult result : invalid.getParameterValidationResults()) {
                    String name = result.getMethodParameter().getParameterName();
                    result.getResolvableErrors()
                            .forEach(error -> errors.add(new FieldError(
                                    name, error.getCodes() == null ? "invalid" : lastCode(error.getCodes()))));
                }
            }
            case HttpMessageNotReadableException unreadable -> {
                if (unreadable.getCause() instanceof UnrecognizedPropertyException) {
                    errors.add(new FieldError(null, "unknown-field"));
                } else if (unreadable.getCause() instanceof JacksonException jackson
                        && !jackson.getPath().isEmpty()) {
                    errors.add(new FieldError(path(jackson), "type"));
                }
            }
            case ConstraintViolationException violations ->
                violations.getConstraintViolations().forEach(violation -> {
                    String field = null;
                    for (Path.Node node : violation.getPropertyPath()) {
                        field = node.getName();
                    }
                    errors.add(new FieldError(
                            field,
                            violation
                                    .getConstraintDescriptor()
                                    .getAnnotation()
                                    .annotationType()
                                    .getSimpleName()));
                });
            default -> {}
        }
        return errors;
    }

    private static String lastCode(String[] codes) {
        return codes[codes.length - 1];
    }

    private static String path(JacksonException e) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
