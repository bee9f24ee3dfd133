package com.gridpivot.reports;

import com.gridpivot.errors.InvalidRequestException;
import com.gridpivot.planning.PlanService;
import com.gridpivot.planning.input.CompareRequest;
import com.gridpivot.planning.input.PlanRequest;
import com.gridpivot.planning.result.PlanComparison;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The board pack of a plan comparison: runs the comparison, then writes its pages as a PDF. */
@ApplicationScoped
public class BoardPackService {
    /** The longest title taken. */
    public static final int MAX_TITLE = 200;

    @Inject
    PlanService plans;

    /** The PDF; 400 with every invalid field (as the comparison answers, plus {@code title}). */
    public byte[] pdf(BoardPackRequest request) {
        if (request == null) {
            throw new InvalidRequestException("", "a JSON body with problem and plans is required");
        }
        if (request.title() != null && request.title().strip().length() > MAX_TITLE) {
            throw new InvalidRequestException("title", "at most " + MAX_TITLE + " characters");
        }
        PlanComparison comparison = plans.compare(new CompareRequest(request.problem(), request.plans()));
        PlanRequest resolved = plans.snapshot(request.problem()).request();
        return PdfReport.write(BoardPack.html(title(request, resolved), resolved, comparison));
    }

    static String title(BoardPackRequest request, PlanRequest resolved) {
        if (request.title() != null && !request.title().isBlank()) {
            return request.title().strip();
        }
        String site = resolved.site() != null && resolved.site().name() != null ? resolved.site().name() : "the site";
        return "Board pack: " + site;
    }
}
