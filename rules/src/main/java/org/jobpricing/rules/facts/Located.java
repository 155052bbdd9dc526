package org.jobpricing.rules.facts;

/**
 * A fact that lies in an area (method §11): the job (its area) and each candidate (the area of its
 * observation). One row of the area table matches every fact in the row's area and gives it the row's
 * region and index, so a candidate of the job's region carries the region's index and the job its own.
 */
public interface Located {

    /**
     * The fact's area code, null for none. The area table matches it with {@code area == "code"}, which
     * Drools indexes: a fact finds its row by one hash lookup, not by testing every row.
     */
    String getArea();

    /** Table lookup: true when the fact's area is {@code code} (never for a fact without an area). */
    boolean inArea(String code);

    /** The region the area table gives the fact's area; a region row itself has none. */
    void setRegion(String code);

    /** The index the area table gives the fact's area. */
    void setAreaIndex(double value);
}
