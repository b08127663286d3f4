import type { Client } from './client';
import type { Complaint } from './complaint';
import type { Feedback } from './feedback';
import type { Interaction } from './interaction';
import type { Transaction } from './transaction';

/** One client with all its records: the unit generated datasets and imports are written in. */
export interface ClientBundle {
  client: Client;
  transactions: Transaction[];
  interactions: Interaction[];
  feedback: Feedback[];
  complaints: Complaint[];
}

/** How many rows of each kind a dataset holds. */
export interface DatasetCounts {
  clients: number;
  transactions: number;
  interactions: number;
  feedback: number;
  complaints: number;
}
