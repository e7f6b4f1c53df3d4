package org.example.host;

/** A host application's own fact type. */
public class Parcel {

    private final int weightKg;
    private String label;

    public Parcel(int weightKg) {
        this.weightKg = weightKg;
    }

    public int getWeightKg() {
        return weightKg;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
