package org.sanad.server.defenders;

import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanad.server.access.Caller;
import org.sanad.server.common.Governorate;
import org.sanad.server.common.identity.DefenderId;
import org.sanad.server.web.FormCheck;
import org.sanad.server.web.PageController;
import org.sanad.server.web.ProblemException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form sent back with errors is shown again with 200, the errors next to their fields: the page
 * itself is the answer, and the browser would otherwise report a failed load.
 *
 * <p>The defender's own start page and profile, through the same service, need-to-know decision and
 * access log as {@code /api/defenders}. A defender without a profile is led to create one first.
 */
@PageController
@RequestMapping("/me")
class DefenderPages {

    private final DefenderManagement defenders;
    private final Validator validator;

    DefenderPages(DefenderManagement defenders, Validator validator) {
        this.defenders = defenders;
        this.validator = validator;
    }

    /** The profile form: the API's fields, other names one per line. */
    record ProfileForm(
            String legalName,
            String otherNames,
            String phone,
            String email,
            Governorate governorate,
            String address,
            Activity activity,
            String gender,
            RiskLevel riskLevel,
            String protectionNeeds,
            String emergencyContact) {

        static ProfileForm empty() {
            return new ProfileForm(null, null, null, null, null, null, null, null, null, null, null);
        }

        static ProfileForm of(DefenderView v) {
            return new ProfileForm(
                    v.legalName(),
                    v.otherNames() == null ? null : String.join("\n", v.otherNames()),
                    v.phone(),
                    v.email(),
                    v.governorate(),
                    v.address(),
                    v.activity(),
                    v.gender(),
                    v.riskLevel(),
                    v.protectionNeeds(),
                    v.emergencyContact());
        }

        List<String> names() {
            return otherNames == null
                    ? null
                    : Arrays.stream(otherNames.split("\\R"))
                            .map(String::strip)
                            .filter(name -> !name.isEmpty())
                            .toList();
        }

        DefenderRequests.Create create() {
            return new DefenderRequests.Create(
                    legalName,
                    names(),
                    phone,
                    email,
                    governorate,
                    address,
                    activity,
                    gender,
                    riskLevel,
                    protectionNeeds,
                    emergencyContact);
        }

        DefenderRequests.Change change() {
            return new DefenderRequests.Change(
                    legalName,
                    names(),
                    phone,
                    email,
                    governorate,
                    address,
                    activity,
                    gender,
                    riskLevel,
                    protectionNeeds,
                    emergencyContact);
        }

        @Override
        public String toString() {
            return "ProfileForm[redacted]";
        }
    }

    @InitBinder
    void emptyIsAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping
    String home(Caller caller, Model model) {
        model.addAttribute("hasProfile", defenders.myProfile(caller).isPresent());
        return "me/home";
    }

    @GetMapping("/profile")
    String profile(Caller caller, Model model) {
        Optional<DefenderView> mine = defenders.mine(caller);
        if (mine.isEmpty()) {
            return "redirect:/me/profile/new";
        }
        model.addAttribute("profile", mine.get());
        return "me/profile";
    }

    @GetMapping("/profile/new")
    String newProfile(Caller caller, Model model) {
        if (defenders.myProfile(caller).isPresent()) {
            return "redirect:/me/profile";
        }
        return form(model, ProfileForm.empty(), Map.of(), null);
    }

    @PostMapping("/profile/new")
    String create(
            Caller caller,
            @ModelAttribute("form") ProfileForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (defenders.myProfile(caller).isPresent()) {
            return "redirect:/me/profile";
        }
        DefenderRequests.Create request = form.create();
        Map<String, String> errors = FormCheck.errors(validator, request, binding);
        if (!errors.isEmpty()) {
            return form(model, form, errors, null);
        }
        defenders.register(caller, request.profile());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/me/profile";
    }

    @GetMapping("/profile/edit")
    String edit(Caller caller, Model model) {
        Optional<DefenderView> mine = defenders.mine(caller);
        if (mine.isEmpty()) {
            return "redirect:/me/profile/new";
        }
        return form(model, ProfileForm.of(mine.get()), Map.of(), mine.get().version());
    }

    /**
     * Saves the changed fields if nobody changed the profile since the form was opened; otherwise
     * nothing is saved and the form shows the profile as it is now, with a message saying so.
     */
    @PostMapping("/profile/edit")
    String change(
            Caller caller,
            @RequestParam long version,
            @ModelAttribute("form") ProfileForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        DefenderId id = defenders.myProfile(caller).orElse(null);
        if (id == null) {
            return "redirect:/me/profile/new";
        }
        DefenderRequests.Change request = form.change();
        Map<String, String> errors = FormCheck.errors(validator, request, binding);
        if (!errors.isEmpty()) {
            return form(model, form, errors, version);
        }
        try {
            defenders.change(caller, id.value(), version, request.profile());
        } catch (ProblemException e) {
            if (e.problem().getStatus() != HttpStatus.PRECONDITION_FAILED.value()) {
                throw e;
            }
            DefenderView now = defenders.view(caller, id.value());
            model.addAttribute("conflict", true);
            return form(model, ProfileForm.of(now), Map.of(), now.version());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/me/profile";
    }

    private static String form(Model model, ProfileForm form, Map<String, String> errors, Long version) {
        model.addAttribute("form", form);
        model.addAttribute("values", FormCheck.values(form));
        model.addAttribute("errors", errors);
        model.addAttribute("version", version);
        model.addAttribute("governorates", Governorate.values());
        model.addAttribute("activities", Activity.values());
        model.addAttribute("riskLevels", RiskLevel.values());
        return "me/profile-form";
    }
}
