/** What the phone's components need of the participant board (the server's ParticipantBoard has these fields). */
export interface PhoneQuestion {
	id: string;
	text: string;
	status: 'pending' | 'visible' | 'hidden';
	likes: number;
	answered: boolean;
	pinned: boolean;
	mine: boolean;
	liked: boolean;
	/** The name the author chose to show; null: anonymous. */
	author: string | null;
}

export interface PhoneStatement {
	id: string;
	text: string;
	status: 'pending' | 'visible' | 'hidden';
	pinned: boolean;
	mine: boolean;
	vote: -1 | 0 | 1 | null;
}

/** A failed form's answer: messages per field, the form's own message, everything typed. */
export interface PhoneFormFailure {
	errors?: Record<string, string>;
	message?: string;
	values?: Record<string, string>;
}
