package org.sanad.server.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.BindingResult;

/**
 * A page form checked by the same constraints as the API request it becomes. The answer maps each
 * field in error to a message key ({@code form.required} or {@code form.invalid}), shown next to
 * the field in the user's language; no submitted value and no constraint message is kept.
 */
public final class FormCheck {

    private FormCheck() {}

    /**
     * @param request the API request the form was turned into
     * @param binding the form's binding result (a value that did not even convert, e.g. an unknown option)
     */
    public static Map<String, String> errors(Validator validator, Object request, BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), "form.invalid"));
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().iterator().next().getName();
            if (!errors.containsKey(field)) {
                errors.put(field, isRequired(violation) ? "form.required" : "form.invalid");
            }
        }
        return errors;
    }

    /** A form's values by field name, for the page that shows the form again. */
    public static Map<String, Object> values(Record form) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : form.getClass().getRecordComponents()) {
            try {
                var accessor = component.getAccessor();
                // Page forms are records nested in package-private controllers.
                accessor.setAccessible(true);
                values.put(component.getName(), accessor.invoke(form));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("form field " + component.getName() + " is not readable");
            }
        }
        return values;
    }

    private static boolean isRequired(ConstraintViolation<?> violation) {
        Class<? extends Annotation> type =
                violation.getConstraintDescriptor().getAnnotation().annotationType();
        return (type == NotNull.class || type == NotBlank.class || type == NotEmpty.class)
                && violation.getInvalidValue() == null;
    }
}
