package org.jobpricing.server.structures;

import java.util.Optional;

/**
 * What other features read of salary structures: a grade's min, mid and max, the grade a job is
 * slotted in, and the published version of a structure.
 */
public interface GradeLookup {

    /** A stored structure version by id. */
    Optional<PayStructure> structure(String structureId);

    /** The published version of the structure called {@code name}, if one is published. */
    Optional<PayStructure> published(String name);

    /** Grade {@code grade} of a stored structure version. */
    default Optional<PayStructure.Grade> grade(String structureId, int grade) {
        return structure(structureId).flatMap(s -> s.grade(grade));
    }

    /** The grade the job priced by quote {@code quoteId} is slotted in, in a stored structure version. */
    default Optional<PayStructure.Grade> gradeOfJob(String structureId, String quoteId) {
        return structure(structureId).flatMap(s -> s.job(quoteId).flatMap(j -> s.grade(j.grade())));
    }
}
