package com.careloop.contract;

/**
 * What a file on a contract is: the signed contract or order scan, a drawing or specification, the trademark/barcode
 * printing licence copy (商标印制授权书复印件), or anything else.
 */
public enum AttachmentSlot { SCAN, DRAWING, LICENCE, OTHER }
