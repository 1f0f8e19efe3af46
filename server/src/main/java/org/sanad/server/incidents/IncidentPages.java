package org.sanad.server.incidents;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.sanad.server.access.Caller;
import org.sanad.server.common.Governorate;
import org.sanad.server.common.PageOf;
import org.sanad.server.defenders.DefenderDirectory;
import org.sanad.server.web.FormCheck;
import org.sanad.server.web.PageController;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reporting an incident and following one's reports (defenders), and the organisation's reports as
 * metadata (staff): the pages of {@code /api/incidents}, through the same service and decisions.
 */
@PageController
class IncidentPages {

    static final int PAGE_SIZE = 20;

    private final IncidentManagement incidents;
    private final DefenderDirectory defenders;
    private final Validator validator;

    IncidentPages(IncidentManagement incidents, DefenderDirectory defenders, Validator validator) {
        this.incidents = incidents;
        this.defenders = defenders;
        this.validator = validator;
    }

    /** The report form: short enough for a phone. Nothing of it is stored in the browser. */
    record ReportForm(
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredUntil,
            Governorate governorate,
            IncidentType type,
            Severity severity,
            String perpetratorCategory,
            String narrative,
            String location) {

        static ReportForm empty() {
            return new ReportForm(null, null, null, null, null, null, null, null);
        }

        IncidentController.Report report() {
            return new IncidentController.Report(
                    null,
                    occurredOn,
                    occurredUntil,
                    governorate,
                    type,
                    severity,
                    perpetratorCategory,
                    narrative,
                    location);
        }

        @Override
        public String toString() {
            return "ReportForm[redacted]";
        }
    }

    @InitBinder
    void emptyIsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/me/reports")
    String myReports(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("reports", incidents.list(caller, pageNumber(page), PAGE_SIZE));
        return "me/reports";
    }

    @GetMapping("/me/reports/new")
    String newReport(Caller caller, Model model) {
        if (defenders.findBySubject(caller.subject()).isEmpty()) {
            return "redirect:/me/profile/new";
        }
        return form(model, ReportForm.empty(), Map.of());
    }

    @PostMapping("/me/reports/new")
    String report(
            Caller caller,
            @ModelAttribute("form") ReportForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (defenders.findBySubject(caller.subject()).isEmpty()) {
            return "redirect:/me/profile/new";
        }
        IncidentController.Report request = form.report();
        Map<String, String> errors = new LinkedHashMap<>(FormCheck.errors(validator, request, binding));
        if (form.occurredUntil() != null
                && form.occurredOn() != null
                && form.occurredUntil().isBefore(form.occurredOn())) {
            errors.putIfAbsent("occurredUntil", "form.daterange");
        }
        if (!errors.isEmpty()) {
            // Shown again with 200 and the errors next to their fields (see DefenderPages).
            return form(model, form, errors);
        }
        IncidentView filed = incidents.report(caller, null, request.facts());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/me/reports/" + filed.id();
    }

    @GetMapping("/me/reports/{id}")
    String myReport(Caller caller, @PathVariable UUID id, Model model) {
        model.addAttribute("report", incidents.view(caller, id));
        return "me/report";
    }

    /** Reports of the organisation as metadata, newest first, each under the defender's pseudonym. */
    @GetMapping("/staff/reports")
    String staffReports(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        PageOf<IncidentView> reports = incidents.list(caller, pageNumber(page), PAGE_SIZE);
        Map<Object, String> pseudonyms = new LinkedHashMap<>();
        for (IncidentView report : reports.items()) {
            defenders.find(report.defenderId()).ifPresent(d -> pseudonyms.put(report.defenderId(), d.pseudonym()));
        }
        model.addAttribute("reports", reports);
        model.addAttribute("pseudonyms", pseudonyms);
        return "staff/reports";
    }

    private static int pageNumber(int page) {
        return Math.clamp(page, 0, 100_000);
    }

    private static String form(Model model, ReportForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("values", FormCheck.values(form));
        model.addAttribute("errors", errors);
        model.addAttribute("governorates", Governorate.values());
        model.addAttribute("types", IncidentType.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("today", LocalDate.now());
        return "me/report-form";
    }
}
