package org.jobpricing.rules.facts;

/**
 * One grade of a salary structure being built, and the policy values the grade table sets for it
 * (spread, slotting tolerance). Unset values are null.
 */
public final class StructureGrade {

    private final int grade;
    private final Trace trace;
    private Double spread;
    private Double slotTolerance;

    public StructureGrade(int grade, Trace trace) {
        this.grade = grade;
        this.trace = trace;
    }

    public int getGrade() {
        return grade;
    }

    public Double getSpread() {
        return spread;
    }

    /** spread = (max − min) / min of the grade. */
    public void setSpread(double value) {
        trace.note("gradeSpread({grade}) -> {spread}")
                .word("grade", String.valueOf(grade))
                .out("spread", value, Trace.Kind.FACTOR);
        spread = value;
    }

    public Double getSlotTolerance() {
        return slotTolerance;
    }

    /** A job whose market reference point is further than this share from its grade's mid is reported. */
    public void setSlotTolerance(double value) {
        trace.note("slotTolerance({grade}) -> {slotTolerance}")
                .word("grade", String.valueOf(grade))
                .out("slotTolerance", value, Trace.Kind.FACTOR);
        slotTolerance = value;
    }
}
