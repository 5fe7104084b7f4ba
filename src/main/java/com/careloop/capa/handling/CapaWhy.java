package com.careloop.capa.handling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One answer of the 5-why analysis, per round (a re-opened CAPA analyses again and keeps the earlier rounds). */
@Entity
@Table(name = "capa_why")
public class CapaWhy extends CapaRow {

    @Column(name = "round_no")
    private int round;
    private int stepNo;
    private String answer;

    protected CapaWhy() {
    }

    CapaWhy(Capa capa, int round, int stepNo, String answer) {
        super(capa);
        this.round = round;
        this.stepNo = stepNo;
        this.answer = answer;
    }

    public int getRound() { return round; }
    public int getStepNo() { return stepNo; }
    public String getAnswer() { return answer; }
}
