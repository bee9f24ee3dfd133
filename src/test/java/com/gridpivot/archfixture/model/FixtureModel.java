package com.gridpivot.archfixture.model;

/** A stand-in for an LP model class (its package matches com.gridpivot..model..), for ArchitectureTest's fixtures only. */
public final class FixtureModel {
    private FixtureModel() {
    }

    public static int rows() {
        return 1;
    }
}
